using Spindle.Wasm;

namespace Spindle.Cli.Wast;

/// <summary>
/// Runs spec scripts (<c>.wast</c> through wast2json, or its <c>.json</c>) against one engine. Each script runs
/// on its own thread with a large stack (call-depth tests recurse deeply before the engine's limit traps),
/// each command under an epoch deadline, and a watchdog gives up on a script whose command outlives even that.
/// </summary>
internal sealed class WastHarness : IDisposable
{
    private static readonly TimeSpan EpochTick = TimeSpan.FromMilliseconds(100);
    private const int WorkerStackSize = 256 * 1024 * 1024;

    private readonly ITimer _ticker;
    private readonly TimeSpan _commandTimeout;
    private readonly TimeProvider _time;

    /// <param name="commandTimeout">How long one command may run before it is interrupted (default 20 s).</param>
    /// <param name="timeProvider">Drives the epoch ticks and the watchdog (default: the system clock).</param>
    /// <param name="engineOptions">
    /// The engine configuration to judge (default: the defaults plus epoch interruption, which the command timeout
    /// needs; without it only the watchdog stops a runaway command, by abandoning the script).
    /// </param>
    public WastHarness(TimeSpan? commandTimeout = null, TimeProvider? timeProvider = null, EngineOptions? engineOptions = null)
    {
        _commandTimeout = commandTimeout ?? TimeSpan.FromSeconds(20);
        _time = timeProvider ?? TimeProvider.System;
        Engine = new Engine(engineOptions ?? new EngineOptions { EpochInterruption = true });
        _ticker = _time.CreateTimer(_ => Engine.IncrementEpoch(), null, EpochTick, EpochTick);
    }

    public Engine Engine { get; }

    /// <summary>Runs one <c>.wast</c> or <c>.json</c> file; a file that cannot be converted counts as one failure.</summary>
    public WastFileResult RunFile(string path)
    {
        if (!path.EndsWith(".wast", StringComparison.OrdinalIgnoreCase)) return LoadAndRun(path, null);

        var temp = Path.Combine(Path.GetTempPath(), "spindle-wast-" + Guid.NewGuid().ToString("N"));
        try
        {
            string json;
            try
            {
                json = Wast2Json.Convert(path, temp);
            }
            catch (WastConversionException e)
            {
                return FailedFile(Path.GetFileName(path), "convert", e.Message);
            }

            return LoadAndRun(json, Path.GetFileName(path));
        }
        finally
        {
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException)
            {
                // A script abandoned by the watchdog may still hold a file; the temp folder is left behind.
            }
        }
    }

    private WastFileResult LoadAndRun(string jsonPath, string? name)
    {
        WastScript script;
        try
        {
            script = WastScript.Load(jsonPath, name);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return FailedFile(name ?? Path.GetFileName(jsonPath), "load", $"{jsonPath}: not a wast2json script ({e.Message})");
        }

        return RunScript(script);
    }

    private static WastFileResult FailedFile(string name, string step, string message)
    {
        var failed = new WastFileResult(name);
        failed.Fail(new WastFailure(0, step, message));
        return failed;
    }

    /// <summary>Runs a loaded script on a worker thread and waits for it, within the per-command timeout.</summary>
    public WastFileResult RunScript(WastScript script)
    {
        var result = new WastFileResult(script.Name);
        var deadline = (ulong)Math.Max(1, _commandTimeout / EpochTick);
        WastRunner? runner = null;
        Exception? setupError = null;
        var worker = new Thread(
            () =>
            {
                try
                {
                    runner = new WastRunner(Engine, script, deadline);
                    runner.Run(result);
                }
                catch (Exception e)
                {
                    setupError = e;
                }
            },
            WorkerStackSize)
        {
            IsBackground = true,
            Name = "wast " + script.Name,
        };
        worker.Start();

        // Watchdog: the epoch deadline interrupts guest code; this catches what it cannot (a hang in the engine itself).
        var hardLimit = _commandTimeout * 2 + TimeSpan.FromSeconds(5);
        var lastIndex = -2;
        var lastChange = _time.GetTimestamp();
        while (!worker.Join(TimeSpan.FromMilliseconds(200)))
        {
            var index = runner?.CurrentIndex ?? -1;
            if (index != lastIndex)
            {
                lastIndex = index;
                lastChange = _time.GetTimestamp();
                continue;
            }

            if (_time.GetElapsedTime(lastChange) > hardLimit) return Abandon(script, result, Math.Max(index, 0), hardLimit);
        }

        if (setupError is not null) result.Fail(new WastFailure(0, "setup", $"{setupError.GetType().Name}: {setupError.Message}"));
        return result;
    }

    /// <summary>The result so far, with the stuck command and every one after it failed; the worker is left to itself.</summary>
    private static WastFileResult Abandon(WastScript script, WastFileResult result, int stuck, TimeSpan limit)
    {
        var abandoned = result.Snapshot();
        var commands = script.Commands;
        for (var i = stuck; i < commands.Count; i++)
        {
            var message = i == stuck ? $"still running after {limit.TotalSeconds:0} s; the script was abandoned here" : "not run (script abandoned)";
            abandoned.Fail(new WastFailure(commands[i].Line, commands[i].Describe(), message));
        }

        return abandoned;
    }

    public void Dispose() => _ticker.Dispose();
}
