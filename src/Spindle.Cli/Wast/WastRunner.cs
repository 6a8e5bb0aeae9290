using Spindle.Wasm;

namespace Spindle.Cli.Wast;

/// <summary>
/// Executes the commands of one script in order against one store: modules, registrations, actions and
/// assertions. Every command is isolated: whatever it throws is recorded as that command's failure.
/// Not thread-safe; <see cref="WastHarness"/> runs it on a dedicated thread.
/// </summary>
internal sealed partial class WastRunner
{
    /// <summary>Returned by a command the runner does not execute (compared by reference).</summary>
    private static readonly string SkippedMarker = new('s', 1);

    private readonly Engine _engine;
    private readonly Store _store;
    private readonly WastScript _script;
    private readonly ulong _epochDeadline;
    private readonly SpecTestModule _spectest;
    private readonly Dictionary<string, Instance> _named = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Instance> _registered = new(StringComparer.Ordinal);
    private Instance? _current;
    private int _currentIndex = -1;

    /// <param name="epochDeadline">Epoch ticks each command may run before it is interrupted.</param>
    public WastRunner(Engine engine, WastScript script, ulong epochDeadline)
    {
        _engine = engine;
        _script = script;
        _epochDeadline = epochDeadline;
        _store = new Store(engine);
        _spectest = new SpecTestModule(_store);
    }

    /// <summary>Index of the command running now, for a watchdog.</summary>
    public int CurrentIndex => Volatile.Read(ref _currentIndex);

    /// <summary>Runs every command, recording into <paramref name="result"/>.</summary>
    public void Run(WastFileResult result)
    {
        var commands = _script.Commands;
        for (var i = 0; i < commands.Count; i++)
        {
            Volatile.Write(ref _currentIndex, i);
            var command = commands[i];
            string? failure;
            try
            {
                _store.SetEpochDeadline(_epochDeadline);
                failure = Execute(command);
            }
            catch (WastScriptException e)
            {
                failure = e.Message;
            }
            catch (Exception e)
            {
                // Each Execute path catches the engine exceptions it expects; anything else is a failure, and for
                // a non-Wasm exception an engine bug, but never the end of the run.
                failure = $"unexpected {Name(e)}";
            }

            if (failure is null) result.Pass();
            else if (ReferenceEquals(failure, SkippedMarker)) result.Skip();
            else result.Fail(new WastFailure(command.Line, command.Describe(), failure));
        }

        Volatile.Write(ref _currentIndex, commands.Count);
    }

    /// <summary>Null when the command did what the script expects; otherwise expected versus actual.</summary>
    private string? Execute(ScriptCommand command) => command.Type switch
    {
        "module" => RunModule(command),
        "register" => Register(command),
        "action" => RunAction(command),
        "assert_return" => AssertReturn(command),
        "assert_trap" => AssertTrap(command, command.Text ?? ""),
        "assert_exhaustion" => AssertTrap(command, command.Text ?? "call stack exhausted"),
        "assert_invalid" => AssertInvalid(command),
        "assert_malformed" => AssertMalformed(command),
        "assert_unlinkable" => AssertUnlinkable(command),
        "assert_uninstantiable" => AssertUninstantiable(command),
        _ => SkippedMarker,
    };

    private byte[] ReadModule(ScriptCommand command) =>
        File.ReadAllBytes(Path.Combine(_script.Directory, command.FileName ?? throw new InvalidDataException($"line {command.Line}: {command.Type} has no filename")));

    /// <summary>
    /// Instantiates with a linker that defines exactly the imports found in spectest and the registered
    /// instances, so a later <c>register</c> of the same name shadows an earlier one, as in the spec, and a
    /// missing or mistyped import is the engine's link error to report.
    /// </summary>
    private Instance Instantiate(Module module)
    {
        var linker = new Linker(_engine);
        var defined = new HashSet<(string, string)>();
        foreach (var import in module.Imports)
        {
            if (!defined.Add((import.Module, import.Name))) continue;
            var item = import.Module == SpecTestModule.ModuleName
                ? _spectest.Find(import.Name)
                : _registered.TryGetValue(import.Module, out var instance) ? FindExport(instance, import.Name) : null;
            if (item is not null) linker.Define(import.Module, import.Name, item);
        }

        return linker.Instantiate(_store, module);
    }

    private static object? FindExport(Instance instance, string name) => instance.GetExport(name);

    private static string Name(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
