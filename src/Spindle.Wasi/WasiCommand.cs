using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>Runs a WASI command module (one exporting <c>_start</c>) the way <c>wasmtime run</c> does.</summary>
public static class WasiCommand
{
    /// <summary>
    /// Instantiates <paramref name="module"/> with WASI preview 1 and calls <c>_start</c>. Returns the exit code:
    /// 0 when <c>_start</c> returns, the <c>proc_exit</c> code otherwise.
    /// </summary>
    /// <exception cref="TrapException">The guest trapped (not a proc_exit).</exception>
    /// <exception cref="WasmLinkException">The module imports something other than WASI preview 1.</exception>
    /// <exception cref="WasiException">The module exports no <c>_start</c> function or no memory.</exception>
    public static int Run(Module module, WasiConfiguration configuration)
    {
        return Invoke(module, configuration, "_start", [], out _);
    }

    /// <summary>
    /// Instantiates with WASI and calls <paramref name="function"/> (after <c>_initialize</c> when the module is a reactor).
    /// Returns the exit code (0 when the function returns) and its results.
    /// </summary>
    public static int Invoke(Module module, WasiConfiguration configuration, string function, object?[] arguments, out object?[] results)
    {
        var engine = module.Engine;
        using var store = new Store(engine);
        using var wasi = new WasiContext(configuration);
        var linker = new Linker(engine);
        wasi.DefineInto(linker);
        results = [];
        try
        {
            var instance = linker.Instantiate(store, module);
            wasi.Memory = instance.GetMemory("memory");
            if (function != "_initialize" && instance.GetFunction("_initialize") is { } initialize)
            {
                initialize.Invoke();
            }

            var entry = instance.GetFunction(function)
                ?? throw new WasiException($"{module.Name ?? "the module"} exports no function '{function}': a WASI command exports _start; use --invoke to call another export");
            results = entry.Invoke(arguments);
            return 0;
        }
        catch (TrapException trap) when (WasiExitException.TryGetExitCode(trap, out var code))
        {
            return code;
        }
        catch (WasiExitException exit)
        {
            return exit.ExitCode;
        }
    }
}
