namespace Spindle.Wasm;

/// <summary>Why guest execution stopped with a <see cref="TrapException"/>.</summary>
public enum TrapKind
{
    Unreachable,
    MemoryOutOfBounds,
    TableOutOfBounds,
    IndirectCallToNull,
    IndirectCallTypeMismatch,
    IntegerDivideByZero,
    IntegerOverflow,
    InvalidConversionToInteger,
    CallStackExhausted,
    Interrupted,
    UninitializedElement,
    HostError,
}
