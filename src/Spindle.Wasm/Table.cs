using Spindle.Wasm.Runtime;

namespace Spindle.Wasm;

/// <summary>A table of references: <see cref="Function"/> (or null) for funcref, any object (or null) for externref.</summary>
public sealed class Table
{
    // Read by compiled code and runtime helpers; the array length is the table size.
    internal object?[] Elements;

    private readonly uint _maxSize;

    public Table(Store store, TableType type, object? initial)
        : this(store.Engine.Options, type, initial)
    {
    }

    internal Table(EngineOptions options, TableType type, object? initial)
    {
        if (type.ElementType is not (ValType.FuncRef or ValType.ExternRef))
        {
            throw new ArgumentException($"table element type must be funcref or externref, not {type.ElementType}", nameof(type));
        }

        ElementType = type.ElementType;
        DeclaredMax = type.Limits.Max;
        _maxSize = Math.Min(type.Limits.Max ?? uint.MaxValue, options.MaxTableElements);
        if (type.Limits.Min > _maxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type.Limits.Min, $"table of {type.Limits.Min} elements exceeds the engine limit of {_maxSize}; raise EngineOptions.MaxTableElements");
        }

        CheckValue(initial);
        Elements = type.Limits.Min == 0 ? [] : new object?[type.Limits.Min];
        if (initial is not null)
        {
            Array.Fill(Elements, initial);
        }
    }

    public ValType ElementType { get; }

    public uint? DeclaredMax { get; }

    /// <summary>The current type: the current size as minimum and the declared maximum.</summary>
    public TableType Type => new(ElementType, new Limits(Size, DeclaredMax));

    public uint Size => (uint)Elements.Length;

    public object? GetElement(uint index)
    {
        if (index >= (uint)Elements.Length)
        {
            Trap.Throw(TrapKind.TableOutOfBounds);
        }

        return Elements[index];
    }

    public void SetElement(uint index, object? value)
    {
        CheckValue(value);
        if (index >= (uint)Elements.Length)
        {
            Trap.Throw(TrapKind.TableOutOfBounds);
        }

        Elements[index] = value;
    }

    /// <summary>Grows by <paramref name="delta"/> elements set to <paramref name="initial"/>; returns the old size or -1.</summary>
    public long Grow(uint delta, object? initial)
    {
        CheckValue(initial);
        return GrowUnchecked(delta, initial);
    }

    internal long GrowUnchecked(uint delta, object? initial)
    {
        var old = (uint)Elements.Length;
        var size = (ulong)old + delta;
        if (size > _maxSize || size > (ulong)Array.MaxLength)
        {
            return -1;
        }

        if (delta != 0)
        {
            var next = new object?[size];
            Elements.AsSpan().CopyTo(next);
            if (initial is not null)
            {
                next.AsSpan((int)old).Fill(initial);
            }

            Elements = next;
        }

        return old;
    }

    private void CheckValue(object? value)
    {
        if (value is not null && ElementType == ValType.FuncRef && value is not Function)
        {
            throw new ArgumentException($"a funcref table holds Function or null, not {value.GetType().Name}", nameof(value));
        }
    }
}
