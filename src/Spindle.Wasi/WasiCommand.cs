using System.Runtime.CompilerServices;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>Runs a WASI command module (one exporting <c>_start</c>) the way <c>wasmtime run</c> does.</summary>
public static class WasiCommand
{
    // One linker per engine: the WASI functions find each run's context through the caller's Store.Data.
    private static readonly ConditionalWeakTable<Engine, Linker> s_linkers = new();

    /// <summary>A linker with every WASI preview 1 function for <paramref name="engine"/>, created once and shared.</summary>
    public static Linker LinkerFor(Engine engine) => s_linkers.GetValue(engine, static engine =>
    {
        var linker = new Linker(engine);
        WasiContext.Define(linker);
        return linker;
    });

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
        using var wasi = new WasiContext(configuration);
        using var store = new Store(engine) { Data = wasi };
        results = [];
        try
        {
            var instance = LinkerFor(engine).Instantiate(store, module);
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
