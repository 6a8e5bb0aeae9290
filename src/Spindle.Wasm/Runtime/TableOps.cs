using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

/// <summary>
/// Table and reference instructions and <c>call_indirect</c> resolution. Wasm operands come first (they are already on
/// the IL stack), then the context and immediates. AggressiveOptimization: as in <see cref="MemoryOps"/>.
/// </summary>
internal static class TableOps
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static object? Get(int index, InstanceContext ctx, int table)
    {
        var elements = ctx.Tables[table].Elements;
        if ((uint)index >= (uint)elements.Length)
        {
            Trap.Throw(TrapKind.TableOutOfBounds);
        }

        return elements[index];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Set(int index, object? value, InstanceContext ctx, int table)
    {
        var elements = ctx.Tables[table].Elements;
        if ((uint)index >= (uint)elements.Length)
        {
            Trap.Throw(TrapKind.TableOutOfBounds);
        }

        elements[index] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Size(InstanceContext ctx, int table) => ctx.Tables[table].Elements.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Grow(object? initial, int delta, InstanceContext ctx, int table) =>
        (int)ctx.Tables[table].GrowUnchecked((uint)delta, initial);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(int index, object? value, int count, InstanceContext ctx, int table)
    {
        var elements = ctx.Tables[table].Elements;
        if ((ulong)(uint)index + (uint)count > (ulong)elements.Length)
        {
            Trap.Throw(TrapKind.TableOutOfBounds);
        }

        elements.AsSpan(index, count).Fill(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Copy(int destination, int source, int count, InstanceContext ctx, int destinationTable, int sourceTable)
    {
        var dst = ctx.Tables[destinationTable].Elements;
        var src = ctx.Tables[sourceTable].Elements;
        if ((ulong)(uint)destination + (uint)count > (ulong)dst.Length || (ulong)(uint)source + (uint)count > (ulong)src.Length)
        {
            Trap.Throw(TrapKind.TableOutOfBounds);
        }

        src.AsSpan(source, count).CopyTo(dst.AsSpan(destination, count));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Init(int destination, int source, int count, InstanceContext ctx, int segment, int table)
    {
        var elements = ctx.Tables[table].Elements;
        var initializers = ctx.Module.Definition.Elements[segment].Initializers;
        var segmentLength = ctx.DroppedElements.Length > segment && ctx.DroppedElements[segment] ? 0 : initializers.Length;
        if ((ulong)(uint)source + (uint)count > (ulong)segmentLength || (ulong)(uint)destination + (uint)count > (ulong)elements.Length)
        {
            Trap.Throw(TrapKind.TableOutOfBounds);
        }

        for (var i = 0; i < count; i++)
        {
            elements[destination + i] = ConstantEvaluator.Reference(ctx, initializers[source + i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ElemDrop(InstanceContext ctx, int segment)
    {
        if (ctx.DroppedElements.Length <= segment || !ctx.DroppedElements[segment])
        {
            var dropped = new bool[ctx.Module.Definition.Elements.Length];
            ctx.DroppedElements.AsSpan().CopyTo(dropped);
            dropped[segment] = true;
            ctx.DroppedElements = dropped;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static object RefFunc(InstanceContext ctx, int function) => ctx.GetFunction(function);

    /// <summary>The callee of <c>call_indirect</c>: traps when out of range, null, or of another type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Function ResolveIndirect(int index, InstanceContext ctx, int table, int typeId)
    {
        var elements = ctx.Tables[table].Elements;
        if ((uint)index >= (uint)elements.Length)
        {
            Trap.Throw(TrapKind.TableOutOfBounds, "undefined element");
        }

        if (elements[index] is not Function function)
        {
            Trap.Throw(TrapKind.UninitializedElement);
            return null;
        }

        if (function.TypeId != typeId)
        {
            Trap.Throw(TrapKind.IndirectCallTypeMismatch);
        }

        return function;
    }
}
