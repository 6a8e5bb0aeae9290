using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

/// <summary>
/// Call depth and epoch checks emitted at every function entry (and epoch checks at loop headers). The depth is a
/// per-store budget; every 16 frames the real thread stack is also probed, so deep recursion traps with
/// "call stack exhausted" instead of overflowing the stack and killing the process.
/// </summary>
internal static class Frames
{
    /// <summary>Takes one frame from the budget and returns the budget before it, which <see cref="Leave"/> restores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Enter(Store store)
    {
        var before = store.CallDepthRemaining;
        var remaining = before - 1;
        store.CallDepthRemaining = remaining;
        if ((remaining & 15) == 0 || remaining < 0)
        {
            EnterSlow(remaining);
        }

        return before;
    }

    /// <summary>Entry of functions with large frames: probe the thread stack every time.</summary>
    public static int EnterLarge(Store store)
    {
        var before = store.CallDepthRemaining;
        store.CallDepthRemaining = before - 1;
        EnterSlow(before - 1);
        return before;
    }

    /// <summary>
    /// Restores the budget saved at entry rather than incrementing it: a plain store of a register, so the counter
    /// is not a load-modify-store chain through memory across every call and return (fib ran ~20% slower when the
    /// return path had to load the counter's address first, which showed the chain was the bottleneck).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave(Store store, int before) => store.CallDepthRemaining = before;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckEpoch(Store store)
    {
        if (store.Engine.Epoch >= store.EpochDeadline)
        {
            Trap.Throw(TrapKind.Interrupted);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EnterSlow(int remaining)
    {
        if (remaining < 0 || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Trap.Throw(TrapKind.CallStackExhausted);
        }
    }
}
