using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

/// <summary>
/// Call depth and epoch checks emitted at every function entry (and epoch checks at loop headers). Every compiled
/// function receives its caller's remaining depth budget as an argument and passes one less to its callees; every
/// 16 frames the real thread stack is also probed, so deep recursion traps with "call stack exhausted" instead of
/// overflowing the stack and killing the process. Host entry points start from <see cref="Store.CallDepthRemaining"/>
/// and host stubs write the current budget there for the time of the host call, so re-entry continues it.
/// </summary>
internal static class Frames
{
    /// <summary>
    /// The compiled prologue computes <c>depth = callerDepth - 1</c> and calls this when <c>(depth &amp; 15) == 0</c>:
    /// one test catches both the periodic stack probe and the exhausted budget (the budget goes down by one per frame
    /// from a positive value, so it reaches 0 exactly).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Probe(int depth)
    {
        if (depth <= 0)
        {
            Trap.Throw(TrapKind.CallStackExhausted);
        }

        // The stack grows down: anywhere at or above an address where the runtime confirmed enough stack, there is
        // at least as much. Only a new low asks the runtime again (its check is an internal call, ~10% of fib).
        byte marker = 0;
        var here = (nuint)(&marker);
        if (here >= t_lowWater && t_lowWater != 0)
        {
            return;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Trap.Throw(TrapKind.CallStackExhausted);
        }

        t_lowWater = here;
    }

    /// <summary>The lowest stack address of this thread at which the runtime confirmed enough stack below (0: none yet).</summary>
    [ThreadStatic]
    private static nuint t_lowWater;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckEpoch(Store store)
    {
        if (store.Engine.Epoch >= store.EpochDeadline)
        {
            Trap.Throw(TrapKind.Interrupted);
        }
    }
}
