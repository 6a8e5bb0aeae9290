using Spindle.Wasm.Runtime;

namespace Spindle.Wasm;

/// <summary>
/// A global variable. Imported globals are shared by reference: every instance importing it reads and writes this
/// object. Values are boxed as int, long, float, double, <see cref="Function"/> (funcref) or object (externref).
/// </summary>
public sealed class Global
{
    // One typed field per value type; compiled code reads and writes the field of the global's type.
    internal int I32;
    internal long I64;
    internal float F32;
    internal double F64;
    internal object? Ref;

    public Global(Store store, GlobalType type, object? value)
    {
        _ = store;
        Type = type;
        SetValue(value);
    }

    internal Global(GlobalType type)
    {
        Type = type;
    }

    public GlobalType Type { get; }

    public object? Value
    {
        get => Type.ValueType switch
        {
            ValType.I32 => I32,
            ValType.I64 => I64,
            ValType.F32 => F32,
            ValType.F64 => F64,
            _ => Ref,
        };
        set
        {
            if (!Type.Mutable)
            {
                throw new InvalidOperationException("the global is immutable; declare it with GlobalType(..., Mutable: true) to set it");
            }

            SetValue(value);
        }
    }

    internal void SetValue(object? value) => Values.Store(Type.ValueType, value, this);
}
