namespace Spindle.Wasm.Runtime;

/// <summary>
/// The state of one instance as compiled code sees it: passed as the first argument of every compiled function.
/// Fields rather than properties because compiled code reads them directly.
/// </summary>
internal sealed class InstanceContext
{
    public InstanceContext(Store store, Compilation.CompiledModule module)
    {
        Store = store;
        Module = module;
        Functions = module.TotalFunctionCount == 0 ? [] : new Function?[module.TotalFunctionCount];
        Tables = module.TotalTableCount == 0 ? [] : new Table[module.TotalTableCount];
        Globals = module.TotalGlobalCount == 0 ? [] : new Global[module.TotalGlobalCount];
    }

    public readonly Store Store;
    public readonly Compilation.CompiledModule Module;

    /// <summary>The public instance (set before segments and the start function run), for <see cref="Caller"/>.</summary>
    public Instance? Instance;

    /// <summary>Memory 0, or null when the module has none.</summary>
    public Memory? Memory;

    public readonly Table[] Tables;
    public readonly Global[] Globals;

    /// <summary>Function objects by function index; imports are set at instantiation, defined ones on first use.</summary>
    public readonly Function?[] Functions;

    /// <summary>Dropped data/element segments (active and declarative ones start dropped); copied on first drop.</summary>
    public bool[] DroppedData = [];
    public bool[] DroppedElements = [];

    /// <summary>The function object of a function index (created on first use for defined functions).</summary>
    public Function GetFunction(int index) => Functions[index] ??= CreateFunction(index);

    private Function CreateFunction(int index)
    {
        var module = Module;
        var defined = index - module.ImportedFunctionCount;
        var typeIndex = module.Definition.AllFunctionTypeIndices[index];
        return new Function(module.Definition.Types[typeIndex], module.TypeIds[typeIndex], module.FunctionPointers[defined], this, Store, module.FunctionNames[index]);
    }
}
