namespace Spindle.Kubernetes.Controllers;

/// <summary>Overall limit: a token bucket of <c>burst</c> tokens refilled at <c>qps</c> per second, shared by all items.</summary>
public sealed class BucketRateLimiter<TKey> : IRateLimiter<TKey>
{
    private readonly double _qps;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private double _tokens;
    private DateTimeOffset _last;

    public BucketRateLimiter(double qps, int burst, TimeProvider? timeProvider = null)
    {
        if (qps <= 0) throw new ArgumentOutOfRangeException(nameof(qps), qps, "qps must be positive.");
        _qps = qps;
        _burst = burst;
        _time = timeProvider ?? TimeProvider.System;
        _tokens = burst;
        _last = _time.GetUtcNow();
    }

    public TimeSpan When(TKey key)
    {
        lock (_lock)
        {
            // A reservation: the token is taken now, possibly going negative; the wait is the time to repay it.
            var now = _time.GetUtcNow();
            _tokens = Math.Min(_burst, _tokens + ((now - _last).TotalSeconds * _qps));
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }

    public void Forget(TKey key)
    {
    }

    public int NumRequeues(TKey key) => 0;
}
