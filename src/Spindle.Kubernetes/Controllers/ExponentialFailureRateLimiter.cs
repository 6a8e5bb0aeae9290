namespace Spindle.Kubernetes.Controllers;

/// <summary>Per item: baseDelay * 2^failures, capped at maxDelay.</summary>
public sealed class ExponentialFailureRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;

    public ExponentialFailureRateLimiter(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
    }

    public TimeSpan When(TKey key)
    {
        int exponent;
        lock (_failures)
        {
            _failures.TryGetValue(key, out exponent);
            _failures[key] = exponent + 1;
        }

        var ticks = _baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= _maxDelay.Ticks ? _maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(TKey key)
    {
        lock (_failures) _failures.Remove(key);
    }

    public int NumRequeues(TKey key)
    {
        lock (_failures) return _failures.TryGetValue(key, out var count) ? count : 0;
    }
}
