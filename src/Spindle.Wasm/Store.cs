namespace Spindle.Wasm;

/// <summary>
/// Per-instance execution state: the call depth budget and the epoch deadline shared by every instance, memory,
/// table, global and function created in it. A store is used by one thread at a time. Disposing it returns the
/// linear memories its instances created to the engine's pool; they read as empty afterwards.
/// </summary>
public sealed class Store : IDisposable
{
    private List<Memory>? _memories;

    // The call-depth budget where host code enters Wasm; host stubs publish the caller's budget here (Runtime/Frames.cs).
    internal int CallDepthRemaining;
    internal ulong EpochDeadline = ulong.MaxValue;

    public Store(Engine engine)
    {
        Engine = engine;
        // One more than the frames allowed: the frame that would bring the budget to 0 traps (Runtime/Frames.cs).
        CallDepthRemaining = Math.Min(engine.Options.MaxCallDepth, int.MaxValue - 1) + 1;
    }

    public Engine Engine { get; }

    /// <summary>Host data associated with the store (e.g. WASI state).</summary>
    public object? Data { get; set; }

    /// <summary>Guest calls in progress, counted by the host entry points (<see cref="Function"/>'s invokers).</summary>
    internal int Running;

    private bool _disposePending;

    /// <summary>
    /// Returns the memories created by instantiations in this store to the engine for reuse. Called while a guest call
    /// is running (from a host function it called, say), the release waits until the outermost call returns:
    /// compiled code keeps the memory's buffer in a local, and a buffer handed to another store meanwhile would be
    /// shared between two guests.
    /// </summary>
    public void Dispose()
    {
        if (Running > 0)
        {
            _disposePending = true;
            return;
        }

        ReleaseMemories();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void EnterGuest() => Running++;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void LeaveGuest()
    {
        if (--Running == 0)
        {
            ReleaseIfPending();
        }
    }

    /// <summary>After the outermost guest call returned: performs a <see cref="Dispose"/> requested during it.</summary>
    internal void ReleaseIfPending()
    {
        if (_disposePending)
        {
            _disposePending = false;
            ReleaseMemories();
        }
    }

    private void ReleaseMemories()
    {
        if (_memories is null)
        {
            return;
        }

        foreach (var memory in _memories)
        {
            memory.Release(Engine.MemoryPool);
        }

        _memories = null;
    }

    /// <summary>
    /// Records a memory an instantiation created, to recycle its buffer on <see cref="Dispose"/>. Only the first few
    /// are tracked: a store used for many instantiations must not keep every memory alive.
    /// </summary>
    internal void Own(Memory memory)
    {
        _memories ??= [];
        if (_memories.Count < MaxOwnedMemories)
        {
            _memories.Add(memory);
        }
    }

    private const int MaxOwnedMemories = 8;

    /// <summary>Guests trap with "interrupted" once the engine's epoch reaches the current epoch plus <paramref name="delta"/>.</summary>
    public void SetEpochDeadline(ulong delta)
    {
        var now = Engine.Epoch;
        EpochDeadline = delta > ulong.MaxValue - now ? ulong.MaxValue : now + delta;
    }
}
