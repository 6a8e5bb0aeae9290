using Spindle.Wasi.Abi;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>proc_exit, proc_raise, sched_yield.</summary>
public sealed partial class WasiContext
{
    private void DefineProc(Linker linker)
    {
        // Not a trap: the embedder catches WasiExitException (wrapped by the engine) and exits with the code.
        linker.DefineFunction(ModuleName, "proc_exit", new Action<int>(code => throw new WasiExitException(code)));

        // Signals are not part of the sandbox; wasmtime does not implement proc_raise either.
        Def(linker, "proc_raise", _ => Errno.NoSys);
        Def(linker, "sched_yield", () =>
        {
            Thread.Yield();
            return Errno.Success;
        });
    }
}
