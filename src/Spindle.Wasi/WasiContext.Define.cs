using Spindle.Wasi.Abi;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>
/// Binding helpers: each WASI function is a method returning <see cref="Errno"/>; these wrap it in a typed delegate
/// (allocated once, at definition) that turns an early <see cref="WasiErrnoException"/> into the returned errno.
/// </summary>
public sealed partial class WasiContext
{
    private static void Def(Linker l, string name, Func<Errno> f) =>
        l.DefineFunction(ModuleName, name, () => Guard(f));

    private static void Def(Linker l, string name, Func<int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (int a) => { try { return (int)f(a); } catch (WasiErrnoException e) { return (int)e.Errno; } });

    private static void Def(Linker l, string name, Func<int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (int a, int b) => { try { return (int)f(a, b); } catch (WasiErrnoException e) { return (int)e.Errno; } });

    private static void Def(Linker l, string name, Func<int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (int a, int b, int c) => { try { return (int)f(a, b, c); } catch (WasiErrnoException e) { return (int)e.Errno; } });

    private static void Def(Linker l, string name, Func<int, int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (int a, int b, int c, int d) => { try { return (int)f(a, b, c, d); } catch (WasiErrnoException e) { return (int)e.Errno; } });

    private static void Def(Linker l, string name, Func<int, int, int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (int a, int b, int c, int d, int e) => { try { return (int)f(a, b, c, d, e); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static void Def(Linker l, string name, Func<int, int, int, int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (int a, int b, int c, int d, int e, int g) => { try { return (int)f(a, b, c, d, e, g); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static void Def(Linker l, string name, Func<int, int, int, int, int, int, int, Errno> f) =>
        l.DefineFunction(ModuleName, name, (int a, int b, int c, int d, int e, int g, int h) => { try { return (int)f(a, b, c, d, e, g, h); } catch (WasiErrnoException x) { return (int)x.Errno; } });

    private static int Guard(Func<Errno> f)
    {
        try
        {
            return (int)f();
        }
        catch (WasiErrnoException e)
        {
            return (int)e.Errno;
        }
    }
}
