namespace Spindle.Cli.Wast;

/// <summary>The outcome of one script: counts per command and every failure.</summary>
internal sealed class WastFileResult
{
    private readonly List<WastFailure> _failures = [];

    public WastFileResult(string name) => Name = name;

    /// <summary>The script's file name, e.g. <c>i32.wast</c>.</summary>
    public string Name { get; }

    public int Passed { get; private set; }

    public int Failed => _failures.Count;

    /// <summary>Commands the runner does not execute (text-format modules in assert_malformed/assert_invalid).</summary>
    public int Skipped { get; private set; }

    public IReadOnlyList<WastFailure> Failures => _failures;

    // The worker thread records while a watchdog may read; the lock keeps counts and list consistent.
    public void Pass()
    {
        lock (_failures) Passed++;
    }

    public void Skip()
    {
        lock (_failures) Skipped++;
    }

    public void Fail(WastFailure failure)
    {
        lock (_failures) _failures.Add(failure);
    }

    /// <summary>A consistent copy, for a watchdog that gives up on a worker still running.</summary>
    public WastFileResult Snapshot()
    {
        lock (_failures)
        {
            var copy = new WastFileResult(Name) { Passed = Passed, Skipped = Skipped };
            copy._failures.AddRange(_failures);
            return copy;
        }
    }

    /// <summary><c>i32.wast: 460 passed, 0 failed</c> (and <c>, N skipped</c> when some were).</summary>
    public override string ToString() => Format(Name + ": ", Passed, Failed, Skipped);

    public static string Format(string prefix, int passed, int failed, int skipped) =>
        skipped > 0 ? $"{prefix}{passed} passed, {failed} failed, {skipped} skipped" : $"{prefix}{passed} passed, {failed} failed";
}
