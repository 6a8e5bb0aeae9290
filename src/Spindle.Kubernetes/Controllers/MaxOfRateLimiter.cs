namespace Spindle.Kubernetes.Controllers;

/// <summary>The longest delay of several limiters (per-item backoff and the overall bucket, by default).</summary>
public sealed class MaxOfRateLimiter<TKey> : IRateLimiter<TKey>
{
    private readonly IRateLimiter<TKey>[] _limiters;

    public MaxOfRateLimiter(params IRateLimiter<TKey>[] limiters) => _limiters = limiters;

    public TimeSpan When(TKey key)
    {
        var max = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var delay = limiter.When(key);
            if (delay > max) max = delay;
        }

        return max;
    }

    public void Forget(TKey key)
    {
        foreach (var limiter in _limiters) limiter.Forget(key);
    }

    public int NumRequeues(TKey key)
    {
        var max = 0;
        foreach (var limiter in _limiters) max = Math.Max(max, limiter.NumRequeues(key));
        return max;
    }
}
