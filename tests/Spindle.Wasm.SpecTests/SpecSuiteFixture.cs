using System.Collections.Concurrent;
using Spindle.Cli.Wast;

namespace Spindle.Wasm.SpecTests;

/// <summary>
/// The suite runs against two engine configurations, because epoch interruption changes the generated code:
/// the defaults (what hosts get) and the defaults plus epoch interruption (what <c>spindle wast</c> uses).
/// One harness per configuration for the whole suite, and each file's result computed once.
/// </summary>
public sealed class SpecSuiteFixture : IDisposable
{
    private readonly WastHarness _default = new(engineOptions: new EngineOptions());
    private readonly WastHarness _epoch = new(engineOptions: new EngineOptions { EpochInterruption = true });
    private readonly ConcurrentDictionary<(string, bool), Lazy<WastFileResult>> _results = new();

    /// <summary>The result of <paramref name="file"/> with the default engine options, or with epoch interruption.</summary>
    internal WastFileResult Run(string directory, string file, bool epochInterruption = false) =>
        _results.GetOrAdd(
            (file, epochInterruption),
            key => new Lazy<WastFileResult>(() => (key.Item2 ? _epoch : _default).RunFile(Path.Combine(directory, key.Item1)))).Value;

    public void Dispose()
    {
        _default.Dispose();
        _epoch.Dispose();
    }
}
