namespace Spindle.Wasm;

/// <summary>The module is well-formed but invalid (the spec's "invalid" class of errors).</summary>
public sealed class WasmValidationException : WasmException
{
    public WasmValidationException(string reason, int? functionIndex, long offset, string? opcode)
        : base(Format(reason, functionIndex, offset, opcode))
    {
        Reason = reason;
        FunctionIndex = functionIndex;
        Offset = offset;
        Opcode = opcode;
    }

    /// <summary>The spec-worded reason alone, e.g. <c>type mismatch: expected i32, found f64</c>.</summary>
    public string Reason { get; }

    /// <summary>Index of the function (in the whole function index space) whose body is invalid, if any.</summary>
    public int? FunctionIndex { get; }

    /// <summary>Absolute byte offset in the module.</summary>
    public long Offset { get; }

    /// <summary>Mnemonic of the offending instruction, e.g. <c>i32.add</c>.</summary>
    public string? Opcode { get; }

    private static string Format(string reason, int? functionIndex, long offset, string? opcode)
    {
        var where = functionIndex is { } f ? $"func {f} @0x{offset:X}" : $"@0x{offset:X}";
        return opcode is null ? $"{where}: {reason}" : $"{where} {opcode}: {reason}";
    }
}
