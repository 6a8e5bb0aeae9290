using Spindle.Wasm;

namespace Spindle.Host.Server;

/// <summary>
/// Advances the engine's epoch every <see cref="Tick"/> (10 ms, as Spin's <c>DEFAULT_EPOCH_TICK_INTERVAL</c>), so a
/// store given a deadline of N ticks is interrupted after about N × 10 ms: the per-request timeout.
/// </summary>
internal sealed class EpochTicker : IDisposable
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly ITimer _timer;

    public EpochTicker(Engine engine, TimeProvider time)
    {
        _timer = time.CreateTimer(static state => ((Engine)state!).IncrementEpoch(), engine, Tick, Tick);
    }

    /// <summary>The deadline in ticks for <paramref name="timeout"/> (at least one tick); no timeout → never.</summary>
    public static ulong DeadlineFor(TimeSpan? timeout)
    {
        if (timeout is not { } value)
        {
            return ulong.MaxValue;
        }

        var ticks = Math.Ceiling(value / Tick);
        return ticks < 1 ? 1 : (ulong)ticks;
    }

    public void Dispose() => _timer.Dispose();
}
