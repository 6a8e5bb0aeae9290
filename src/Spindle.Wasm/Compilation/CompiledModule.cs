using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// A module decoded, validated and compiled to IL once; every instance shares it. Holds the code pointers of the
/// defined functions and the instantiation template (what does not depend on imports).
/// </summary>
internal sealed class CompiledModule
{
    public CompiledModule(ModuleDefinition definition, Type compiledType, nint[] functionPointers, int[] typeIds, string[] functionNames)
    {
        Definition = definition;
        CompiledType = compiledType;
        FunctionPointers = functionPointers;
        TypeIds = typeIds;
        FunctionNames = functionNames;
        ImportedFunctionCount = definition.ImportedFunctionCount;
        TotalFunctionCount = definition.TotalFunctionCount;
        TotalTableCount = definition.TotalTableCount;
        TotalGlobalCount = definition.TotalGlobalCount;
        InitiallyDroppedData = new bool[definition.Datas.Length];
        for (var i = 0; i < definition.Datas.Length; i++)
        {
            InitiallyDroppedData[i] = definition.Datas[i].Mode == DataMode.Active;
        }

        InitiallyDroppedElements = new bool[definition.Elements.Length];
        for (var i = 0; i < definition.Elements.Length; i++)
        {
            InitiallyDroppedElements[i] = definition.Elements[i].Mode != ElementMode.Passive;
        }

        var imports = new ImportDescriptor[definition.Imports.Length];
        for (var i = 0; i < imports.Length; i++)
        {
            var import = definition.Imports[i];
            imports[i] = new ImportDescriptor(import.Module, import.Name, import.Kind, import.Kind == ExternKind.Func ? definition.Types[import.TypeIndex] : import.Type!);
        }

        Imports = imports;
        var exports = new ExportDescriptor[definition.Exports.Length];
        for (var i = 0; i < exports.Length; i++)
        {
            var export = definition.Exports[i];
            object type = export.Kind switch
            {
                ExternKind.Func => definition.FuncTypeOf(export.Index),
                ExternKind.Table => definition.TableTypeOf(export.Index),
                ExternKind.Memory => definition.MemoryTypeOf(export.Index),
                _ => definition.GlobalTypeOf(export.Index),
            };
            exports[i] = new ExportDescriptor(export.Name, export.Kind, type);
        }

        Exports = exports;
    }

    public ModuleDefinition Definition { get; }

    /// <summary>The emitted type; referenced so the collectible assembly holding the code stays alive.</summary>
    public Type CompiledType { get; }

    /// <summary>Code pointers of the defined functions (index minus imported function count).</summary>
    public nint[] FunctionPointers { get; }

    /// <summary>Canonical type ids by type index.</summary>
    public int[] TypeIds { get; }

    /// <summary>Display names by function index (name section, else <c>wasm-function[i]</c>).</summary>
    public string[] FunctionNames { get; }

    public int ImportedFunctionCount { get; }

    public int TotalFunctionCount { get; }

    public int TotalTableCount { get; }

    public int TotalGlobalCount { get; }

    /// <summary>Active segments are dropped after instantiation; shared until an instance drops another.</summary>
    public bool[] InitiallyDroppedData { get; }

    public bool[] InitiallyDroppedElements { get; }

    public IReadOnlyList<ImportDescriptor> Imports { get; }

    public IReadOnlyList<ExportDescriptor> Exports { get; }
}
