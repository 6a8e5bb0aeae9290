namespace Spindle.Wasm.Binary;

// Small immutable records that make up a decoded ModuleDefinition. Kept together because each is a few lines.

/// <summary>An import: module and field name, kind, and the kind's type.</summary>
internal sealed record Import(string Module, string Name, ExternKind Kind, uint TypeIndex, TableType? TableType, MemoryType? MemoryType, GlobalType? GlobalType)
{
    /// <summary>The type as an object: <see cref="FuncType"/> is resolved by the caller; otherwise the table/memory/global type.</summary>
    public object? Type => Kind switch
    {
        ExternKind.Table => TableType,
        ExternKind.Memory => MemoryType,
        ExternKind.Global => GlobalType,
        _ => null,
    };
}

/// <summary>An export: name, kind, and index in that kind's index space.</summary>
internal sealed record Export(string Name, ExternKind Kind, uint Index);

/// <summary>A module-defined global.</summary>
internal sealed record GlobalDefinition(GlobalType Type, ConstantExpression Init);

/// <summary>A run of locals of one type in a function body.</summary>
internal readonly record struct LocalGroup(uint Count, ValType Type);

/// <summary>A defined function's locals and the location of its instructions in <see cref="ModuleDefinition.Bytes"/>.</summary>
internal sealed record FunctionBody(LocalGroup[] Locals, int TotalLocals, int BodyOffset, int BodyLength);

/// <summary>A custom section: its name and the range of its payload (after the name) in the module bytes.</summary>
internal sealed record CustomSection(string Name, int DataOffset, int DataLength);

/// <summary>Element segment modes.</summary>
internal enum ElementMode : byte
{
    Active,
    Passive,
    Declarative,
}

/// <summary>Data segment modes.</summary>
internal enum DataMode : byte
{
    Active,
    Passive,
}

/// <summary>
/// An element segment. Function-index encodings are normalized to <c>ref.func</c> initializers so later stages see
/// one shape.
/// </summary>
internal sealed record ElementSegment(ElementMode Mode, uint TableIndex, ConstantExpression? Offset, ValType ElementType, ConstantExpression[] Initializers, long SegmentOffset);

/// <summary>A data segment; its bytes are <c>Bytes[DataOffset..DataOffset + DataLength]</c>.</summary>
internal sealed record DataSegment(DataMode Mode, uint MemoryIndex, ConstantExpression? Offset, int DataOffset, int DataLength, long SegmentOffset);
