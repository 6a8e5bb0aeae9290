using System.Collections.Concurrent;
using Spindle.Cli.Wast;

namespace Spindle.Wasm.SpecTests;

/// <summary>The engine configurations the suite runs against.</summary>
public enum SpecConfiguration
{
    /// <summary>The defaults: what hosts get.</summary>
    Default,

    /// <summary>The defaults plus epoch interruption (what <c>spindle wast</c> uses), which changes the generated code.</summary>
    EpochInterruption,

    /// <summary>
    /// Epoch interruption plus a tiny region budget, so nearly every block of every function is outlined into a region
    /// method (the path very large functions take), with exits, carried values and locals crossing method boundaries.
    /// </summary>
    Outlined,
}

/// <summary>One harness per configuration for the whole suite, and each file's result computed once.</summary>
public sealed class SpecSuiteFixture : IDisposable
{
    /// <summary>
    /// Every function costing more than this is split, into regions of at most this cost: small enough that most
    /// statements become regions, large enough that a region holds a few instructions (measured: the most regions).
    /// </summary>
    internal const int OutlinedRegionBudget = 16;

    private readonly WastHarness _default = new(engineOptions: new EngineOptions());
    private readonly WastHarness _epoch = new(engineOptions: new EngineOptions { EpochInterruption = true });
    private readonly WastHarness _outlined = new(engineOptions: new EngineOptions { EpochInterruption = true, OutliningThreshold = OutlinedRegionBudget, RegionBudget = OutlinedRegionBudget });
    private readonly ConcurrentDictionary<(string, SpecConfiguration), Lazy<WastFileResult>> _results = new();

    /// <summary>The result of <paramref name="file"/> in <paramref name="configuration"/>.</summary>
    internal WastFileResult Run(string directory, string file, SpecConfiguration configuration = SpecConfiguration.Default) =>
        _results.GetOrAdd(
            (file, configuration),
            key => new Lazy<WastFileResult>(() => Harness(key.Item2).RunFile(Path.Combine(directory, key.Item1)))).Value;

    public void Dispose()
    {
        _default.Dispose();
        _epoch.Dispose();
        _outlined.Dispose();
    }

    private WastHarness Harness(SpecConfiguration configuration) => configuration switch
    {
        SpecConfiguration.EpochInterruption => _epoch,
        SpecConfiguration.Outlined => _outlined,
        _ => _default,
    };
}
