namespace Spindle.Wasm.Binary;

/// <summary>A decoded (well-formed, not yet validated) module. Immutable after <see cref="ModuleDecoder.Decode"/>.</summary>
internal sealed class ModuleDefinition
{
    public required byte[] Bytes { get; init; }

    public FuncType[] Types { get; init; } = [];

    public Import[] Imports { get; init; } = [];

    /// <summary>Type indices of the module-defined functions (not imports).</summary>
    public uint[] FunctionTypeIndices { get; init; } = [];

    /// <summary>Module-defined tables (not imports).</summary>
    public TableType[] Tables { get; init; } = [];

    /// <summary>Module-defined memories (not imports).</summary>
    public MemoryType[] Memories { get; init; } = [];

    /// <summary>Module-defined globals (not imports).</summary>
    public GlobalDefinition[] Globals { get; init; } = [];

    public Export[] Exports { get; init; } = [];

    public uint? StartFunction { get; init; }

    public ElementSegment[] Elements { get; init; } = [];

    public uint? DataCount { get; init; }

    /// <summary>Bodies of the module-defined functions, parallel to <see cref="FunctionTypeIndices"/>.</summary>
    public FunctionBody[] Codes { get; init; } = [];

    public DataSegment[] Datas { get; init; } = [];

    public CustomSection[] CustomSections { get; init; } = [];

    public NameSection? Names { get; init; }

    /// <summary>Byte offsets of the start of each known section's payload, by section id (0 when absent); for messages.</summary>
    public int[] SectionOffsets { get; init; } = new int[13];

    public int ImportedFunctionCount { get; init; }

    public int ImportedTableCount { get; init; }

    public int ImportedMemoryCount { get; init; }

    public int ImportedGlobalCount { get; init; }

    public int TotalFunctionCount => ImportedFunctionCount + FunctionTypeIndices.Length;

    public int TotalTableCount => ImportedTableCount + Tables.Length;

    public int TotalMemoryCount => ImportedMemoryCount + Memories.Length;

    public int TotalGlobalCount => ImportedGlobalCount + Globals.Length;

    /// <summary>Type indices of every function in the function index space (imports first).</summary>
    public uint[] AllFunctionTypeIndices { get; init; } = [];

    /// <summary>Types of every table in the table index space (imports first).</summary>
    public TableType[] AllTables { get; init; } = [];

    /// <summary>Types of every memory in the memory index space (imports first).</summary>
    public MemoryType[] AllMemories { get; init; } = [];

    /// <summary>Types of every global in the global index space (imports first).</summary>
    public GlobalType[] AllGlobals { get; init; } = [];

    /// <summary>The type index of a function in the whole function index space (imports first).</summary>
    public uint TypeIndexOf(uint funcIndex) => AllFunctionTypeIndices[funcIndex];

    /// <summary>The type of a function in the whole function index space. Assumes a validated module.</summary>
    public FuncType FuncTypeOf(uint funcIndex) => Types[AllFunctionTypeIndices[funcIndex]];

    /// <summary>The type of a table in the whole table index space.</summary>
    public TableType TableTypeOf(uint tableIndex) => AllTables[tableIndex];

    /// <summary>The type of a memory in the whole memory index space.</summary>
    public MemoryType MemoryTypeOf(uint memoryIndex) => AllMemories[memoryIndex];

    /// <summary>The type of a global in the whole global index space.</summary>
    public GlobalType GlobalTypeOf(uint globalIndex) => AllGlobals[globalIndex];

    /// <summary>The name-section name of a function, or null.</summary>
    public string? FunctionName(uint funcIndex) =>
        Names is not null && Names.FunctionNames.TryGetValue(funcIndex, out var name) ? name : null;
}
