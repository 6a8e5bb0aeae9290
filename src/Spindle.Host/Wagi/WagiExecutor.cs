using Spindle.Host.Execution;
using Spindle.Wasi;
using Spindle.Wasm;

namespace Spindle.Host.Wagi;

/// <summary>
/// Spin's Wagi executor: per request a fresh store and instance of the compiled module, argv from the template, the
/// CGI environment, the body on stdin; stdout becomes the response (<see cref="WagiOutput"/>), stderr goes to the logs.
/// The WASI linker is built once at load: per request only a store (its data is the request's WASI context) and an instance.
/// </summary>
internal sealed class WagiExecutor : IComponentExecutor
{
    private readonly string _componentId;
    private readonly Module _module;
    private readonly Linker _linker;
    private readonly string _argvTemplate;
    private readonly string _entrypoint;
    private readonly IReadOnlyList<string> _componentEnvironment;
    private readonly IReadOnlyList<WasiPreopen> _preopens;
    private readonly ComponentStdio _stdio;
    private readonly ulong _epochDeadline;
    private readonly TimeSpan? _requestTimeout;
    private readonly TimeProvider _time;
    private readonly long _maxStdoutBytes;

    public WagiExecutor(string componentId, Module module, WagiSettings settings)
    {
        _componentId = componentId;
        _module = module;
        _linker = new Linker(module.Engine);
        WasiContext.Define(_linker);
        _argvTemplate = settings.Argv;
        _entrypoint = settings.Entrypoint;
        _componentEnvironment = settings.Environment;
        _preopens = settings.Preopens;
        _stdio = settings.Stdio;
        _epochDeadline = settings.EpochDeadline;
        _requestTimeout = settings.RequestTimeout;
        _time = settings.TimeProvider;
        _maxStdoutBytes = settings.MaxStdoutBytes;
    }

    public string ComponentId => _componentId;

    public ComponentResponse Execute(ComponentRequest request, CancellationToken cancellationToken)
    {
        var cgi = WagiEnvironment.Build(request);
        var environment = new List<string>(_componentEnvironment.Count + cgi.Count);
        environment.AddRange(_componentEnvironment);
        foreach (var (name, value) in cgi)
        {
            environment.Add(name + "=" + value);
        }

        using var stdout = new BoundedOutputStream(_maxStdoutBytes);
        using var stderr = new MemoryStream();
        using var stdin = new MemoryStream(request.Body, writable: false);

        // Epochs stop guest code at the deadline; this stops a guest waiting in the host (poll_oneoff) at the same time.
        // A client disconnect interrupts both too (see Run).
        using var deadline = _requestTimeout is { } timeout ? new CancellationTokenSource(timeout, _time) : null;
        using var interruption = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline?.Token ?? CancellationToken.None);
        var configuration = new WasiConfiguration
        {
            Interruption = interruption.Token,
            Arguments = WagiArgv.Build(_argvTemplate, request.Path, request.Query),
            Environment = environment,
            Preopens = _preopens,
            Stdin = stdin,
            Stdout = stdout,
            Stderr = stderr,
            TimeProvider = _time,
        };

        try
        {
            Run(configuration, cancellationToken);
        }
        catch (Exception) when (stdout.Exceeded)
        {
            // The guest saw EIO and failed in its own way; the cause worth reporting is the limit.
            throw StdoutTooLarge();
        }
        finally
        {
            _stdio.Write(_componentId, "stderr", stderr.GetBuffer().AsSpan(0, (int)stderr.Length));
        }

        if (stdout.Exceeded)
        {
            throw StdoutTooLarge();
        }

        return WagiOutput.Parse(stdout.Written, _componentId);
    }

    private ComponentExecutionException StdoutTooLarge() =>
        new($"component {_componentId} wrote more than {_maxStdoutBytes} bytes to stdout (the host's limit for one response)");

    private void Run(WasiConfiguration configuration, CancellationToken clientAborted)
    {
        using var wasi = new WasiContext(configuration);
        using var store = new Store(_module.Engine) { Data = wasi };
        store.SetEpochDeadline(_epochDeadline);

        // Registered after the deadline is set so it cannot be overwritten. The deadline is one aligned 64-bit field
        // that compiled code re-reads at every check, so setting it from Kestrel's thread is safe and takes effect at
        // the guest's next loop or call.
        using var abort = clientAborted.Register(static state => ((Store)state!).SetEpochDeadline(0), store);
        int exitCode;
        try
        {
            var instance = _linker.Instantiate(store, _module);
            var entry = instance.GetFunction(_entrypoint)
                ?? throw new ComponentExecutionException($"component {_componentId} exports no function '{_entrypoint}' (the Wagi entrypoint)");
            entry.Invoke();
            return;
        }
        catch (TrapException trap) when (WasiExitException.TryGetExitCode(trap, out var code))
        {
            exitCode = code;
        }
        catch (WasiExitException exit)
        {
            exitCode = exit.ExitCode;
        }

        if (exitCode != 0)
        {
            throw new ComponentExecutionException($"component {_componentId} exited with code {exitCode}");
        }
    }
}
