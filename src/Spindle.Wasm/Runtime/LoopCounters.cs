namespace Spindle.Wasm.Runtime;

/// <summary>How often this thread entered the fast copy of a versioned loop; compiled in only with EngineOptions.CountFastLoops (tests).</summary>
internal static class LoopCounters
{
    [ThreadStatic]
    private static int t_fastEntries;

    public static int FastEntries => t_fastEntries;

    public static void EnterFast() => t_fastEntries++;
}
