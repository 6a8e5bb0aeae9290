using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Spindle.Wasi;
using Spindle.Wasm;

namespace Spindle.Cli;

/// <summary>
/// `spindle run [--dir HOST[::GUEST]]... [--env NAME=VALUE]... [--invoke FUNC] FILE.wasm [ARGS...]`, with
/// `wasmtime run`'s meaning: WASI preview 1 with the given preopens and environment, argv[0] is the file name, the
/// exit code is the guest's proc_exit code (0 when _start returns). A trap prints the message and the Wasm stack
/// and exits 134; a missing or invalid file exits 1 with a one-line error. `--invoke` calls an export with typed
/// arguments and prints each result on its own line.
/// </summary>
internal static class RunCommand
{
    /// <summary>Exit code for a trap: 128 + SIGABRT, as wasmtime reports a trapping guest on Unix.</summary>
    internal const int TrapExitCode = 134;

    public static Command Create()
    {
        var dir = new Option<string[]>("--dir") { Description = "Preopen a host directory, seen by the guest as GUEST (default: HOST). Repeatable.", HelpName = "HOST[::GUEST]" };
        var env = new Option<string[]>("--env") { Description = "Set an environment variable for the guest (NAME alone copies the host's value). Repeatable.", HelpName = "NAME=VALUE" };
        var invoke = new Option<string?>("--invoke") { Description = "Call this exported function instead of _start; ARGS are its parameters." };
        var file = new Argument<string>("FILE") { Description = "The WebAssembly module (.wasm) to run." };
        var args = new Argument<string[]>("ARGS") { Description = "Arguments for the guest (argv[1..]) or the invoked function.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("run", "Run a WebAssembly module with WASI preview 1. Exit code: the guest's proc_exit code (0 when _start returns); 134 when the guest traps; 1 when the module cannot be loaded or linked.")
        {
            dir, env, invoke, file, args,
        };

        // Everything after FILE is the guest's, so the tokens are split here rather than by option binding.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var tokens = TokensAfterRun(parse);
            var parsed = RunArguments.Parse(tokens, out var problem);
            if (parsed is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"Error: {problem}");
                return 1;
            }

            return Run(parsed, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Runs with --invoke (kept for callers of the pre-WASI signature).</summary>
    internal static int Run(FileInfo file, string? invoke, string[] args, TextWriter output, TextWriter error) =>
        Run(new RunArguments { File = file.FullName, Invoke = invoke, Args = args }, output, error);

    /// <summary>Runs a module; <paramref name="stdio"/> replaces the inherited stdin, stdout and stderr (tests, embedders).</summary>
    internal static int Run(RunArguments arguments, TextWriter output, TextWriter error, (Stream? In, Stream? Out, Stream? Err) stdio = default)
    {
        var path = Path.GetFullPath(arguments.File);
        if (!File.Exists(path))
        {
            error.WriteLine(Directory.Exists(path)
                ? $"Error: '{path}' is a directory: pass the path of a .wasm file."
                : $"Error: '{path}' does not exist: pass the path of a .wasm file.");
            return 1;
        }

        var name = Path.GetFileName(path);
        var configuration = Configure(arguments, stdio, out var problems);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine($"Error: {problem}");
            }

            return 1;
        }

        try
        {
            var engine = new Engine(new EngineOptions { TieredCompilation = true }); // one short-lived module: start fast
            var module = Module.FromFile(engine, path);
            if (arguments.Invoke is null)
            {
                return WasiCommand.Run(module, configuration!);
            }

            return Invoke(module, configuration!, arguments, output, error);
        }
        catch (TrapException trap)
        {
            error.WriteLine($"Error: failed to run {name}: wasm trap: {trap.Message}");
            foreach (var frame in trap.WasmStackTrace)
            {
                error.WriteLine($"    at {frame}");
            }

            return TrapExitCode;
        }
        catch (WasmDecodeException ex)
        {
            error.WriteLine($"Error: '{path}' is not a valid WebAssembly module ({ex.Message}): pass a .wasm file built for WASI preview 1.");
            return 1;
        }
        catch (WasmException ex)
        {
            error.WriteLine($"Error: {name}: {ex.Message}");
            return 1;
        }
        catch (WasiException ex)
        {
            error.WriteLine($"Error: {name}: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Error: cannot read '{path}': {ex.Message}");
            return 1;
        }
    }

    private static int Invoke(Module module, WasiConfiguration configuration, RunArguments arguments, TextWriter output, TextWriter error)
    {
        var name = arguments.Invoke!;
        var export = module.Exports.FirstOrDefault(e => e.Name == name && e.Kind == ExternKind.Func);
        if (export is null)
        {
            error.WriteLine($"Error: {Path.GetFileName(arguments.File)} exports no function '{name}'; exported functions: {string.Join(", ", module.Exports.Where(e => e.Kind == ExternKind.Func).Select(e => e.Name))}.");
            return 1;
        }

        var parameters = ((FuncType)export.Type).Parameters;
        var args = arguments.Args;
        if (args.Count != parameters.Count)
        {
            error.WriteLine($"Error: '{name}' takes {parameters.Count} argument(s) {export.Type}, but {args.Count} were given.");
            return 1;
        }

        var values = new object?[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            if (!TryParse(args[i], parameters[i], out values[i]))
            {
                error.WriteLine($"Error: argument {i + 1} '{args[i]}' is not a valid {parameters[i].ToString().ToLowerInvariant()}.");
                return 1;
            }
        }

        var code = WasiCommand.Invoke(module, configuration with { Arguments = [Path.GetFileName(arguments.File)] }, name, values, out var results);
        foreach (var result in results)
        {
            output.WriteLine(Format(result));
        }

        return code;
    }

    /// <summary>The WASI configuration; every bad --dir/--env is reported at once.</summary>
    private static WasiConfiguration? Configure(RunArguments arguments, (Stream? In, Stream? Out, Stream? Err) stdio, out List<string> problems)
    {
        problems = [];
        var preopens = new List<WasiPreopen>();
        foreach (var dir in arguments.Dirs)
        {
            var split = dir.IndexOf("::", StringComparison.Ordinal);
            var host = split < 0 ? dir : dir[..split];
            var guest = split < 0 ? dir : dir[(split + 2)..];
            if (!Directory.Exists(host))
            {
                var what = File.Exists(host) ? "is a file, not a directory" : "does not exist";
                problems.Add($"--dir '{dir}': host directory '{host}' {what}; pass an existing directory as --dir HOST[::GUEST]");
            }
            else if (guest.Length == 0)
            {
                problems.Add($"--dir '{dir}': the guest path after '::' is empty; use --dir HOST::/ to mount at the root");
            }
            else
            {
                preopens.Add(new WasiPreopen(host, guest));
            }
        }

        var environment = new List<string>();
        foreach (var variable in arguments.Env)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals == 0)
            {
                problems.Add($"--env '{variable}': the variable name is empty; use --env NAME=VALUE");
            }
            else if (equals > 0)
            {
                environment.Add(variable);
            }
            else if (Environment.GetEnvironmentVariable(variable) is { } inherited)
            {
                environment.Add($"{variable}={inherited}");
            }
        }

        var argv = new List<string> { Path.GetFileName(arguments.File) };
        argv.AddRange(arguments.Args);
        return problems.Count > 0 ? null : new WasiConfiguration
        {
            Arguments = argv,
            Environment = environment,
            Preopens = preopens,
            Stdin = stdio.In,
            Stdout = stdio.Out,
            Stderr = stdio.Err,
        };
    }

    /// <summary>The raw tokens after the `run` command token, in order.</summary>
    private static List<string> TokensAfterRun(ParseResult parse)
    {
        var tokens = new List<string>();
        var seenRun = false;
        foreach (var token in parse.Tokens)
        {
            if (seenRun)
            {
                tokens.Add(token.Type == TokenType.DoubleDash ? "--" : token.Value);
            }
            else if (token.Type == TokenType.Command && token.Value == "run")
            {
                seenRun = true;
            }
        }

        return tokens;
    }

    private static bool TryParse(string text, ValType type, out object? value)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (type)
        {
            // Integers accept the signed and the unsigned range, as wasmtime does (4294967295 is -1).
            case ValType.I32 when long.TryParse(text, NumberStyles.Integer, inv, out var l32) && l32 >= int.MinValue && l32 <= uint.MaxValue:
                value = unchecked((int)l32);
                return true;
            case ValType.I64 when long.TryParse(text, NumberStyles.Integer, inv, out var l64):
                value = l64;
                return true;
            case ValType.I64 when ulong.TryParse(text, NumberStyles.Integer, inv, out var u64):
                value = unchecked((long)u64);
                return true;
            case ValType.F32:
                var okF = float.TryParse(text, NumberStyles.Float, inv, out var f);
                value = f;
                return okF;
            case ValType.F64:
                var okD = double.TryParse(text, NumberStyles.Float, inv, out var d);
                value = d;
                return okD;
            default:
                value = null;
                return false;
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
