namespace Spindle.Wasm.Binary;

/// <summary>The kind of a block type immediate.</summary>
internal enum BlockTypeKind : byte
{
    /// <summary><c>0x40</c>: [] -> [].</summary>
    Empty,

    /// <summary>A single value type: [] -> [t].</summary>
    Value,

    /// <summary>A type index: the function type's parameters and results (multi-value).</summary>
    TypeIndex,
}

/// <summary>The block type of <c>block</c>, <c>loop</c> and <c>if</c>.</summary>
internal readonly record struct BlockType(BlockTypeKind Kind, ValType ValueType, uint TypeIndex)
{
    public static BlockType Empty => default;
}
