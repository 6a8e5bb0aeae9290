using Spindle.Wasm.Runtime;

namespace Spindle.Wasm;

/// <summary>
/// The instance calling a host function, passed as the first argument to host delegates that declare it (as
/// wasmtime's <c>Caller</c>). It lets one <see cref="Linker"/> serve many instances: the host function finds its
/// per-instance state in <see cref="Store"/>.<see cref="Store.Data"/> and the guest's memory with
/// <see cref="GetMemory"/>. It is the instance that imported the function; when the host invokes the function
/// directly there is no instance and the getters return null. Valid only during the call.
/// </summary>
public readonly struct Caller
{
    // The host function as bound to the importing instance (see Function.BindCaller): one reference, no allocation.
    private readonly Function _function;

    internal Caller(Function function)
    {
        _function = function;
    }

    /// <summary>The calling instance's store (the linker's own store when the host invoked the function).</summary>
    public Store Store => _function.Store;

    /// <summary>The calling instance's exported memory named <paramref name="name"/>, or null.</summary>
    public Memory? GetMemory(string name) => _function.CallerInstance?.Instance?.GetMemory(name);

    /// <summary>The calling instance's exported function named <paramref name="name"/>, or null.</summary>
    public Function? GetFunction(string name) => _function.CallerInstance?.Instance?.GetFunction(name);

    /// <summary>The calling instance's export named <paramref name="name"/>, or null.</summary>
    public object? GetExport(string name) => _function.CallerInstance?.Instance?.GetExport(name);
}
