namespace Spindle.Wasm.Binary;

/// <summary>
/// One decoded instruction with its immediates. Which fields are meaningful depends on <see cref="Opcode"/>:
/// <list type="bullet">
/// <item><see cref="Index"/>: func/local/global/table/type/label/data/elem index; <c>br_table</c> default label;
/// typed <c>select</c>: number of types; <c>memory.size/grow</c>: memory index (always 0 when well-formed).</item>
/// <item><see cref="Index2"/>: <c>call_indirect</c> table, <c>memory.init</c> memory, <c>table.init</c>/<c>table.copy</c>
/// second index (<c>table.init</c>: Index = elem, Index2 = table; <c>table.copy</c>: Index = destination, Index2 = source;
/// <c>memory.copy</c>: Index = destination memory, Index2 = source memory).</item>
/// <item><see cref="Value"/>: constant bits (i32 sign-extended to 64 bits then truncated by the consumer, f32/f64 raw bits).</item>
/// <item><see cref="ValueType"/>: typed <c>select</c>'s first type; <c>ref.null</c>'s reference type.</item>
/// </list>
/// </summary>
internal struct Instruction
{
    public Opcode Opcode;

    /// <summary>Absolute offset of the opcode byte in the module.</summary>
    public int Offset;

    public uint Index;

    public uint Index2;

    public ulong Value;

    /// <summary>log2 of the alignment from the memarg.</summary>
    public uint MemAlign;

    /// <summary>Offset from the memarg.</summary>
    public uint MemOffset;

    public BlockType BlockType;

    public ValType ValueType;

    /// <summary>Absolute offset of the first <c>br_table</c> target.</summary>
    public int BrTableStart;

    /// <summary>Number of <c>br_table</c> targets, excluding the default.</summary>
    public int BrTableCount;

    /// <summary>The reference type of <c>ref.null</c>.</summary>
    public readonly ValType RefType => ValueType;

    /// <summary>The constant of <c>i32.const</c>.</summary>
    public readonly int I32 => (int)Value;

    /// <summary>The constant of <c>i64.const</c>.</summary>
    public readonly long I64 => (long)Value;
}
