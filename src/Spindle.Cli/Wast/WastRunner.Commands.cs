using Spindle.Wasm;

namespace Spindle.Cli.Wast;

internal sealed partial class WastRunner
{
    private string? RunModule(ScriptCommand command)
    {
        // A module that fails leaves no current module, so the commands that use it fail too, visibly.
        _current = null;
        var module = Module.FromBytes(_engine, ReadModule(command), command.Name);
        _current = Instantiate(module);
        if (command.Name is not null) _named[command.Name] = _current;
        return null;
    }

    private string? Register(ScriptCommand command)
    {
        var instance = command.Name is null ? _current : _named.GetValueOrDefault(command.Name);
        if (instance is null) return $"no module {command.Name ?? "(current)"} to register";
        _registered[command.As!] = instance;
        return null;
    }

    private string? RunAction(ScriptCommand command)
    {
        try
        {
            Perform(command.Action!);
            return null;
        }
        catch (TrapException e)
        {
            return $"expected no trap, got trap {e.Kind}: {e.Message}";
        }
    }

    private string? AssertReturn(ScriptCommand command)
    {
        object?[] results;
        try
        {
            results = Perform(command.Action!);
        }
        catch (TrapException e)
        {
            return $"expected {Expected(command)}, got trap {e.Kind}: {e.Message}";
        }

        if (results.Length != command.Expected.Count)
        {
            return $"expected {command.Expected.Count} results {Expected(command)}, got {results.Length}: {Actual(results)}";
        }

        for (var i = 0; i < results.Length; i++)
        {
            if (!command.Expected[i].Matches(results[i])) return $"expected {Expected(command)}, got {Actual(results)}";
        }

        return null;
    }

    private string? AssertTrap(ScriptCommand command, string text)
    {
        try
        {
            if (command.Action is null)
            {
                // wast2json writes (assert_trap (module ...)) as assert_uninstantiable; handle both forms.
                Instantiate(Module.FromBytes(_engine, ReadModule(command)));
                return $"expected trap \"{text}\", got a module";
            }

            var results = Perform(command.Action);
            return $"expected trap \"{text}\", got {Actual(results)}";
        }
        catch (TrapException e)
        {
            return TrapMatches(text, e) ? null : $"expected trap \"{text}\", got trap {e.Kind}: {e.Message}";
        }
    }

    private string? AssertInvalid(ScriptCommand command)
    {
        if (command.ModuleType == "text") return SkippedMarker;
        try
        {
            Module.FromBytes(_engine, ReadModule(command));
            return $"expected invalid \"{command.Text}\", module validated";
        }
        catch (WasmValidationException)
        {
            return null;
        }
        catch (WasmDecodeException e)
        {
            return $"expected invalid \"{command.Text}\", got decode error: {e.Message}";
        }
    }

    private string? AssertMalformed(ScriptCommand command)
    {
        // Text-format malformations test the text parser, which Spindle does not have (wast2json is the parser).
        if (command.ModuleType == "text") return SkippedMarker;
        try
        {
            Module.FromBytes(_engine, ReadModule(command));
            return $"expected malformed \"{command.Text}\", module decoded";
        }
        catch (WasmDecodeException)
        {
            return null;
        }
        catch (WasmValidationException e)
        {
            return $"expected malformed \"{command.Text}\", got validation error: {e.Message}";
        }
    }

    private string? AssertUnlinkable(ScriptCommand command)
    {
        var module = Module.FromBytes(_engine, ReadModule(command));
        try
        {
            Instantiate(module);
            return $"expected unlinkable \"{command.Text}\", module instantiated";
        }
        catch (WasmLinkException)
        {
            return null;
        }
        catch (TrapException e)
        {
            return $"expected unlinkable \"{command.Text}\", got trap {e.Kind}: {e.Message}";
        }
    }

    private string? AssertUninstantiable(ScriptCommand command)
    {
        var module = Module.FromBytes(_engine, ReadModule(command));
        try
        {
            Instantiate(module);
            return $"expected trap \"{command.Text}\" during instantiation, module instantiated";
        }
        catch (TrapException e)
        {
            return TrapMatches(command.Text ?? "", e) ? null : $"expected trap \"{command.Text}\", got trap {e.Kind}: {e.Message}";
        }
        catch (WasmLinkException e)
        {
            return $"expected trap \"{command.Text}\", got link error: {e.Message}";
        }
    }

    private object?[] Perform(ScriptAction action)
    {
        var instance = action.Module is null ? _current : _named.GetValueOrDefault(action.Module);
        if (instance is null) throw new WastScriptException($"no module {action.Module ?? "(current)"} instantiated");
        if (action.Type == "get")
        {
            var global = instance.GetGlobal(action.Field) ?? throw new WastScriptException($"no exported global \"{action.Field}\"");
            return [global.Value];
        }

        var function = instance.GetFunction(action.Field) ?? throw new WastScriptException($"no exported function \"{action.Field}\"");
        var args = new object?[action.Args.Count];
        for (var i = 0; i < args.Length; i++) args[i] = action.Args[i].ToArgument();
        return function.Invoke(args);
    }

    /// <summary>Compares by trap kind (the spec's texts name kinds); unknown texts accept any trap with that message prefix.</summary>
    private static bool TrapMatches(string text, TrapException trap) => text switch
    {
        "unreachable" => trap.Kind == TrapKind.Unreachable,
        "out of bounds memory access" => trap.Kind == TrapKind.MemoryOutOfBounds,
        "out of bounds table access" => trap.Kind == TrapKind.TableOutOfBounds,
        // call_indirect with an index past the table's end.
        "undefined element" => trap.Kind == TrapKind.TableOutOfBounds,
        "indirect call type mismatch" => trap.Kind == TrapKind.IndirectCallTypeMismatch,
        "integer divide by zero" => trap.Kind == TrapKind.IntegerDivideByZero,
        "integer overflow" => trap.Kind == TrapKind.IntegerOverflow,
        "invalid conversion to integer" => trap.Kind == TrapKind.InvalidConversionToInteger,
        "call stack exhausted" => trap.Kind == TrapKind.CallStackExhausted,
        // A null entry; the spec's text may carry the index ("uninitialized element 2").
        _ when text.StartsWith("uninitialized element", StringComparison.Ordinal) =>
            trap.Kind is TrapKind.UninitializedElement or TrapKind.IndirectCallToNull,
        _ => trap.Message.StartsWith(text, StringComparison.Ordinal),
    };

    private static string Expected(ScriptCommand command)
    {
        var parts = new string[command.Expected.Count];
        for (var i = 0; i < parts.Length; i++) parts[i] = command.Expected[i].ToString();
        return "[" + string.Join(", ", parts) + "]";
    }

    private static string Actual(object?[] results)
    {
        var parts = new string[results.Length];
        for (var i = 0; i < parts.Length; i++) parts[i] = ScriptValue.Describe(results[i]);
        return "[" + string.Join(", ", parts) + "]";
    }
}
