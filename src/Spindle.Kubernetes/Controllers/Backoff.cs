namespace Spindle.Kubernetes.Controllers;

/// <summary>Exponential backoff with jitter in [d, 2d), as client-go's wait.Jitter(d, 1.0), so many clients do not reconnect in step.</summary>
internal sealed class Backoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private TimeSpan _current;

    public Backoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
        _current = initial;
    }

    public TimeSpan Next()
    {
        var delay = _current + TimeSpan.FromTicks((long)(_current.Ticks * Random.Shared.NextDouble()));
        _current = _current * 2 > _max ? _max : _current * 2;
        return delay > _max ? _max : delay;
    }

    public void Reset() => _current = _initial;
}
