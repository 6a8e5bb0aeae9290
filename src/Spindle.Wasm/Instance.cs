using Spindle.Wasm.Binary;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm;

/// <summary>An instantiated module: its exports (functions, memories, tables, globals) bound to one store.</summary>
public sealed class Instance
{
    private Dictionary<string, object>? _exports;

    internal Instance(Module module, InstanceContext context)
    {
        Module = module;
        Context = context;
        context.Instance = this;
    }

    public Module Module { get; }

    public Store Store => Context.Store;

    internal InstanceContext Context { get; }

    /// <summary>Every export by name: <see cref="Function"/>, <see cref="Memory"/>, <see cref="Table"/> or <see cref="Global"/>.</summary>
    public IReadOnlyDictionary<string, object> Exports => _exports ??= BuildExports();

    public object? GetExport(string name) => Exports.TryGetValue(name, out var item) ? item : null;

    public Function? GetFunction(string name) => GetExport(name) as Function;

    public Memory? GetMemory(string name) => GetExport(name) as Memory;

    public Table? GetTable(string name) => GetExport(name) as Table;

    public Global? GetGlobal(string name) => GetExport(name) as Global;

    private Dictionary<string, object> BuildExports()
    {
        var exports = Context.Module.Definition.Exports;
        var result = new Dictionary<string, object>(exports.Length, StringComparer.Ordinal);
        foreach (var export in exports)
        {
            var index = (int)export.Index;
            result[export.Name] = export.Kind switch
            {
                ExternKind.Func => Context.GetFunction(index),
                ExternKind.Table => Context.Tables[index],
                ExternKind.Memory => Context.Memory!,
                _ => Context.Globals[index],
            };
        }

        return result;
    }
}
