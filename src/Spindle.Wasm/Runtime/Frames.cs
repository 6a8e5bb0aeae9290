using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

/// <summary>
/// Call depth and epoch checks emitted at every function entry (and epoch checks at loop headers). The depth is a
/// per-store budget; every 16 frames the real thread stack is also probed, so deep recursion traps with
/// "call stack exhausted" instead of overflowing the stack and killing the process.
/// </summary>
internal static class Frames
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(Store store)
    {
        var remaining = --store.CallDepthRemaining;
        if ((remaining & 15) == 0 || remaining < 0)
        {
            EnterSlow(remaining);
        }
    }

    /// <summary>Entry of functions with large frames: probe the thread stack every time.</summary>
    public static void EnterLarge(Store store)
    {
        var remaining = --store.CallDepthRemaining;
        EnterSlow(remaining);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave(Store store) => store.CallDepthRemaining++;

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
