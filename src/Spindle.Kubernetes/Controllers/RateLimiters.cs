namespace Spindle.Kubernetes.Controllers;

/// <summary>The limiters controllers use.</summary>
public static class RateLimiters
{
    /// <summary>controller-runtime's default: max(per-item 5 ms * 2^n up to 1000 s, 10 qps with bursts of 100).</summary>
    public static IRateLimiter<TKey> Default<TKey>(TimeProvider? timeProvider = null)
        where TKey : notnull =>
        new MaxOfRateLimiter<TKey>(
            new ExponentialFailureRateLimiter<TKey>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new BucketRateLimiter<TKey>(10, 100, timeProvider));
}
