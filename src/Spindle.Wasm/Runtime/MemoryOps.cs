using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

/// <summary>
/// Memory instructions other than loads and stores (those are emitted inline). Called by compiled code: the Wasm
/// operands come first (they are already on the IL stack), then the context and immediates. AggressiveOptimization:
/// compiled guest code calls these from its first run, and a tier-0 copy would run until the runtime's background
/// tiering replaced it (on a busy machine, seconds: docs/rationale.md).
/// </summary>
internal static class MemoryOps
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Grow(int delta, InstanceContext ctx) => (int)ctx.Memory!.Grow((uint)delta);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Size(InstanceContext ctx) => (int)ctx.Memory!.Pages;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(int destination, int value, int count, InstanceContext ctx)
    {
        var memory = ctx.Memory!;
        if ((ulong)(uint)destination + (uint)count > memory.ByteLength)
        {
            Trap.Throw(TrapKind.MemoryOutOfBounds);
        }

        memory.Buffer.AsSpan((int)(uint)destination, (int)(uint)count).Fill((byte)value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Copy(int destination, int source, int count, InstanceContext ctx)
    {
        var memory = ctx.Memory!;
        var length = memory.ByteLength;
        if ((ulong)(uint)destination + (uint)count > length || (ulong)(uint)source + (uint)count > length)
        {
            Trap.Throw(TrapKind.MemoryOutOfBounds);
        }

        // Span.CopyTo handles overlap like memmove.
        memory.Buffer.AsSpan((int)(uint)source, (int)(uint)count).CopyTo(memory.Buffer.AsSpan((int)(uint)destination, (int)(uint)count));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Init(int destination, int source, int count, InstanceContext ctx, int segment)
    {
        var memory = ctx.Memory!;
        var data = ctx.Module.Definition.Datas[segment];
        var segmentLength = ctx.DroppedData.Length > segment && ctx.DroppedData[segment] ? 0 : data.DataLength;
        if ((ulong)(uint)source + (uint)count > (ulong)segmentLength || (ulong)(uint)destination + (uint)count > memory.ByteLength)
        {
            Trap.Throw(TrapKind.MemoryOutOfBounds);
        }

        ctx.Module.Definition.Bytes.AsSpan(data.DataOffset + (int)(uint)source, (int)(uint)count)
            .CopyTo(memory.Buffer.AsSpan((int)(uint)destination));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DataDrop(InstanceContext ctx, int segment)
    {
        if (ctx.DroppedData.Length <= segment || !ctx.DroppedData[segment])
        {
            // Copy on first drop: instances share the module's initial array.
            var dropped = new bool[ctx.Module.Definition.Datas.Length];
            ctx.DroppedData.AsSpan().CopyTo(dropped);
            dropped[segment] = true;
            ctx.DroppedData = dropped;
        }
    }
}
