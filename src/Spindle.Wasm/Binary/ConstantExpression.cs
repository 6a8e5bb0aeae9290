namespace Spindle.Wasm.Binary;

/// <summary>
/// A constant expression. In Wasm 2.0 a valid one is exactly one constant instruction followed by <c>end</c>.
/// The decoder accepts any well-formed instruction sequence (invalid ones are a validation error, not a decode
/// error, per the spec); such expressions carry <see cref="InvalidReason"/> and the validator reports it.
/// </summary>
internal sealed record ConstantExpression(Opcode Opcode, ulong Value, ValType? RefType, long Offset)
{
    /// <summary>Why the expression is not a single constant instruction, or null when it is.</summary>
    public string? InvalidReason { get; init; }

    /// <summary>Offset of the instruction that makes the expression invalid.</summary>
    public long InvalidOffset { get; init; }

    /// <summary>Mnemonic of the instruction that makes the expression invalid, if any.</summary>
    public string? InvalidOpcode { get; init; }

    public static ConstantExpression RefFunc(uint functionIndex, long offset) => new(Opcode.RefFunc, functionIndex, null, offset);

    /// <summary>The index operand of <c>ref.func</c> / <c>global.get</c>.</summary>
    public uint Index => (uint)Value;
}
