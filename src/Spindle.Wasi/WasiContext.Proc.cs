using Spindle.Wasi.Abi;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>proc_exit, proc_raise, sched_yield.</summary>
public sealed partial class WasiContext
{
    private static void DefineProc(Linker linker, WasiContext? bound)
    {
        // Not a trap: the embedder catches WasiExitException (wrapped by the engine) and exits with the code.
        linker.DefineFunction(ModuleName, "proc_exit", new Action<int>(code => throw new WasiExitException(code)));

        // Signals are not part of the sandbox; wasmtime does not implement proc_raise either.
        Def(linker, bound, "proc_raise", static (w, _) => Errno.NoSys);
        Def(linker, bound, "sched_yield", static w =>
        {
            Thread.Yield();
            return Errno.Success;
        });
    }
}
