namespace Spindle.Kubernetes.Controllers;

/// <summary>How long an item waits before it is retried (client-go's workqueue.RateLimiter).</summary>
public interface IRateLimiter<in TKey>
{
    /// <summary>The delay before the next attempt; counts one more failure for <paramref name="key"/>.</summary>
    TimeSpan When(TKey key);

    /// <summary>The item succeeded: its backoff starts over.</summary>
    void Forget(TKey key);

    int NumRequeues(TKey key);
}
