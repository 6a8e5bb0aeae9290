using Spindle.Wasm.Runtime;

namespace Spindle.Wasm;

/// <summary>
/// Resolves a module's imports by module and field name and instantiates it. Definitions are host functions,
/// memories, tables, globals, or every export of another instance.
/// </summary>
public sealed class Linker
{
    private readonly Dictionary<(string Module, string Name), object> _items = [];
    private Store? _hostStore;

    public Linker(Engine engine)
    {
        Engine = engine;
    }

    public Engine Engine { get; }

    /// <summary>Defines an import: a <see cref="Function"/>, <see cref="Memory"/>, <see cref="Table"/> or <see cref="Global"/>. Redefining replaces.</summary>
    public void Define(string module, string name, object item)
    {
        if (item is not (Function or Memory or Table or Global))
        {
            throw new ArgumentException($"cannot define {module}.{name} as {item.GetType().Name}: use a Function, Memory, Table or Global", nameof(item));
        }

        _items[(module, name)] = item;
    }

    /// <summary>
    /// Defines a host function from a typed delegate (int, long, float, double, <see cref="Function"/> and object
    /// parameters and result). A first parameter of type <see cref="Caller"/> receives the calling instance, so one
    /// linker can serve many instances. Exceptions it throws trap the guest with <see cref="TrapKind.HostError"/>.
    /// </summary>
    public void DefineFunction(string module, string name, Delegate callback)
    {
        if (Compilation.StubCompiler.FuncTypeOfDelegate(callback.GetType()) is null)
        {
            throw new ArgumentException($"cannot define {module}.{name}: delegate {callback.GetType()} has a parameter or result that is not int, long, float, double, Function or object (after an optional first Caller)", nameof(callback));
        }

        // Created once: host functions do not depend on the store they are called from, so instantiation
        // allocates nothing per import (except a small binding per Caller-taking function).
        _items[(module, name)] = Function.FromDelegate(HostStore, callback);
    }

    /// <summary>Defines a host function of any signature from an untyped callback.</summary>
    public void DefineFunction(string module, string name, FuncType type, Func<object?[], object?[]> callback) =>
        _items[(module, name)] = Function.FromCallback(HostStore, type, callback);

    /// <summary>Defines a host function of any signature from an untyped callback that receives the calling instance.</summary>
    public void DefineFunction(string module, string name, FuncType type, Func<Caller, object?[], object?[]> callback) =>
        _items[(module, name)] = Function.FromCallback(HostStore, type, callback);

    /// <summary>Defines every export of <paramref name="instance"/> under <paramref name="module"/>.</summary>
    public void DefineInstance(string module, Instance instance)
    {
        foreach (var (name, item) in instance.Exports)
        {
            _items[(module, name)] = item;
        }
    }

    /// <summary>Whether something is defined under that module and name.</summary>
    public bool IsDefined(string module, string name) => _items.ContainsKey((module, name));

    /// <summary>Instantiates: matches imports, creates memories/tables/globals, applies segments, runs the start function.</summary>
    /// <exception cref="WasmLinkException">An import is missing or has an incompatible type.</exception>
    /// <exception cref="TrapException">A segment is out of bounds or the start function trapped.</exception>
    public Instance Instantiate(Store store, Module module)
    {
        var imports = module.Compiled.Definition.Imports;
        var resolved = imports.Length == 0 ? [] : new object[imports.Length];
        for (var i = 0; i < imports.Length; i++)
        {
            var import = imports[i];
            if (!_items.TryGetValue((import.Module, import.Name), out var item))
            {
                throw new WasmLinkException($"unknown import: {import.Module}::{import.Name} ({import.Kind}) is not defined; define it in the linker before instantiating", import.Module, import.Name);
            }

            resolved[i] = item;
        }

        return Instantiator.Instantiate(store, module, resolved);
    }

    /// <summary>The store host functions defined here belong to (it only tracks call depth when the host invokes them).</summary>
    private Store HostStore => _hostStore ??= new Store(Engine);
}
