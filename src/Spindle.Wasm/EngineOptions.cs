namespace Spindle.Wasm;

/// <summary>Engine limits and features. Defaults are safe for untrusted guests.</summary>
public sealed record EngineOptions
{
    /// <summary>Maximum nested Wasm calls before a <see cref="TrapKind.CallStackExhausted"/> trap.</summary>
    public int MaxCallDepth { get; init; } = 10_000;

    /// <summary>Maximum linear memory size in 64 KiB pages. Memories are .NET arrays, so at most 32,767 pages are usable.</summary>
    public uint MaxMemoryPages { get; init; } = 65_536;

    /// <summary>Maximum number of table elements.</summary>
    public uint MaxTableElements { get; init; } = 10_000_000;

    /// <summary>Compile epoch checks at function entries and loop headers so hosts can interrupt guests.</summary>
    public bool EpochInterruption { get; init; }

    /// <summary>
    /// Let the .NET runtime tier guest code (quick JIT at first call, optimized after 30 calls or by on-stack
    /// replacement in hot loops) instead of fully optimizing every function at its first call. Starts short-lived
    /// processes faster (<c>spindle run</c>); compiled modules are then never unloaded, because the runtime tiers
    /// only non-collectible assemblies. Off by default: hosts reuse modules, so their code is hot.
    /// </summary>
    public bool TieredCompilation { get; init; }

    /// <summary>Compile simple loops twice and skip their bounds checks when a test before the loop proves them (tests turn it off to compare).</summary>
    internal bool LoopVersioning { get; init; } = true;

    /// <summary>Count entries into versioned loops' fast copies in <see cref="Runtime.LoopCounters"/> (tests only).</summary>
    internal bool CountFastLoops { get; init; }

    /// <summary>
    /// Estimated IL cost above which a function is split into outlined region methods so that every method stays
    /// below the JIT's optimization limits (see <c>RegionPlanner</c>). Tests set it tiny to outline nearly every block.
    /// </summary>
    internal int OutliningThreshold { get; init; } = Compilation.RegionPlanner.DefaultThreshold;

    /// <summary>Estimated IL cost of one outlined region at most.</summary>
    internal int RegionBudget { get; init; } = Compilation.RegionPlanner.DefaultBudget;
}
