using Spindle.Wasi.Abi;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>
/// Binding helpers: each WASI function is a method returning <see cref="Errno"/>; these wrap it in a typed delegate
/// taking the engine's <see cref="Caller"/> (allocated once, at definition) that finds the context of the calling
/// instance, binds its memory for this call, and turns an early <see cref="WasiErrnoException"/> into the returned errno.
/// </summary>
public sealed partial class WasiContext
{
    private static void Def(Linker l, WasiContext? bound, string name, Func<WasiContext, Errno> f) =>
        l.DefineFunction(ModuleName, name, (Caller caller) => { try { return (int)f(Enter(caller, bound)); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static void Def(Linker l, WasiContext? bound, string name, Func<WasiContext, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (Caller caller, int a) => { try { return (int)f(Enter(caller, bound), a); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static void Def(Linker l, WasiContext? bound, string name, Func<WasiContext, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (Caller caller, int a, int b) => { try { return (int)f(Enter(caller, bound), a, b); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static void Def(Linker l, WasiContext? bound, string name, Func<WasiContext, int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (Caller caller, int a, int b, int c) => { try { return (int)f(Enter(caller, bound), a, b, c); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static void Def(Linker l, WasiContext? bound, string name, Func<WasiContext, int, int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (Caller caller, int a, int b, int c, int d) => { try { return (int)f(Enter(caller, bound), a, b, c, d); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static void Def(Linker l, WasiContext? bound, string name, Func<WasiContext, int, int, int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (Caller caller, int a, int b, int c, int d, int e) => { try { return (int)f(Enter(caller, bound), a, b, c, d, e); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static void Def(Linker l, WasiContext? bound, string name, Func<WasiContext, int, int, int, int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (Caller caller, int a, int b, int c, int d, int e, int g) => { try { return (int)f(Enter(caller, bound), a, b, c, d, e, g); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static void Def(Linker l, WasiContext? bound, string name, Func<WasiContext, int, int, int, int, int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (Caller caller, int a, int b, int c, int d, int e, int g, int h) => { try { return (int)f(Enter(caller, bound), a, b, c, d, e, g, h); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    /// <summary>
    /// The context serving a call: the one <see cref="DefineInto"/> bound, else the calling store's
    /// <see cref="Store.Data"/>. Its <see cref="Memory"/> becomes the caller's exported "memory" for the call.
    /// </summary>
    private static WasiContext Enter(Caller caller, WasiContext? bound)
    {
        var context = bound ?? caller.Store.Data as WasiContext
            ?? throw new WasiException($"a {ModuleName} function was called from a store whose Data is {caller.Store.Data?.GetType().Name ?? "null"}: set Store.Data to the instance's WasiContext before instantiating");
        if (caller.GetMemory("memory") is { } memory)
        {
            context.Memory = memory;
        }

        return context;
    }
}
