namespace Spindle.Wasm;

/// <summary>
/// Guest execution trapped. <see cref="Exception.Message"/> is the spec's trap text (e.g. <c>integer divide by zero</c>);
/// <see cref="WasmStackTrace"/> lists the Wasm functions on the stack, innermost first.
/// </summary>
public sealed class TrapException : WasmException
{
    public TrapException(TrapKind kind, string message, IReadOnlyList<string>? wasmStackTrace = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        WasmStackTrace = wasmStackTrace ?? [];
    }

    public TrapKind Kind { get; }

    /// <summary>Wasm function names (from the name section when present), innermost first.</summary>
    public IReadOnlyList<string> WasmStackTrace { get; }

    /// <summary>The spec's message for a trap kind.</summary>
    public static string MessageFor(TrapKind kind) => kind switch
    {
        TrapKind.Unreachable => "unreachable",
        TrapKind.MemoryOutOfBounds => "out of bounds memory access",
        TrapKind.TableOutOfBounds => "out of bounds table access",
        TrapKind.IndirectCallToNull => "uninitialized element",
        TrapKind.IndirectCallTypeMismatch => "indirect call type mismatch",
        TrapKind.IntegerDivideByZero => "integer divide by zero",
        TrapKind.IntegerOverflow => "integer overflow",
        TrapKind.InvalidConversionToInteger => "invalid conversion to integer",
        TrapKind.CallStackExhausted => "call stack exhausted",
        TrapKind.Interrupted => "interrupted",
        TrapKind.UninitializedElement => "uninitialized element",
        _ => "host error",
    };

    public override string ToString() =>
        WasmStackTrace.Count == 0 ? base.ToString() : $"{base.ToString()}{Environment.NewLine}Wasm stack:{Environment.NewLine}  at {string.Join(Environment.NewLine + "  at ", WasmStackTrace)}";
}
