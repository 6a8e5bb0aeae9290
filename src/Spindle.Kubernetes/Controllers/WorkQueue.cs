using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Spindle.Kubernetes.Controllers;

/// <summary>
/// client-go's rate-limited work queue: a key waits in the queue at most once (dedup), is handed to one worker at a
/// time (added again while in flight, it is queued after <see cref="Done"/>), and failed keys come back with backoff.
/// </summary>
public sealed partial class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly object _lock = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, Pending> _waiting = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly IRateLimiter<TKey> _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public WorkQueue(IRateLimiter<TKey>? rateLimiter = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _limiter = rateLimiter ?? RateLimiters.Default<TKey>(_time);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Keys waiting for a worker (not counting delayed or in-flight ones): the queue depth metric.</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _queue.Count;
        }
    }

    public bool IsShuttingDown => _shutdown.IsCancellationRequested;

    public void Add(TKey key)
    {
        lock (_lock)
        {
            if (_shutdown.IsCancellationRequested || !_dirty.Add(key)) return;
            if (_processing.Contains(key)) return;
            _queue.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>Adds the key once <paramref name="delay"/> has passed; an earlier pending delay for the same key wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shutdown.IsCancellationRequested) return;
            var due = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var existing))
            {
                if (existing.Due <= due) return;
                existing.Timer?.Dispose();
            }

            var pending = new Pending(this, key, due);
            _waiting[key] = pending;
            pending.Timer = _time.CreateTimer(static state => ((Pending)state!).Fire(), pending, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Retries the key after the rate limiter's delay (per-item exponential backoff, overall rate).</summary>
    public void AddRateLimited(TKey key) => AddAfter(key, _limiter.When(key));

    /// <summary>The key succeeded: its backoff starts over.</summary>
    public void Forget(TKey key) => _limiter.Forget(key);

    public int NumRequeues(TKey key) => _limiter.NumRequeues(key);

    /// <summary>The next key; call <see cref="Done"/> when finished with it. Throws OperationCanceledException on cancel or shutdown.</summary>
    public async Task<TKey> GetAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        await _available.WaitAsync(linked.Token);
        lock (_lock)
        {
            var key = _queue.Dequeue();
            _processing.Add(key);
            _dirty.Remove(key);
            return key;
        }
    }

    public void Done(TKey key)
    {
        lock (_lock)
        {
            _processing.Remove(key);
            if (!_dirty.Contains(key) || _shutdown.IsCancellationRequested) return;
            _queue.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>
    /// Runs <paramref name="workers"/> loops until cancelled: success forgets the key's backoff (and re-adds it after the
    /// returned delay, if any); an exception re-adds it rate-limited.
    /// </summary>
    public Task ProcessAsync(Func<TKey, CancellationToken, Task<TimeSpan?>> reconcile, int workers, CancellationToken cancellationToken)
    {
        var loops = new Task[workers];
        for (var i = 0; i < workers; i++) loops[i] = Task.Run(() => WorkerAsync(reconcile, cancellationToken), CancellationToken.None);
        return Task.WhenAll(loops);
    }

    private async Task WorkerAsync(Func<TKey, CancellationToken, Task<TimeSpan?>> reconcile, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TKey key;
            try
            {
                key = await GetAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var requeueAfter = await reconcile(key, cancellationToken);
                Forget(key);
                if (requeueAfter is { } delay) AddAfter(key, delay);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.ReconcileFailed(_logger, key.ToString(), NumRequeues(key), e);
                AddRateLimited(key);
            }
            finally
            {
                Done(key);
            }
        }
    }

    private void Fire(Pending pending)
    {
        lock (_lock)
        {
            // A timer replaced by an earlier one may still fire once: only the current entry counts.
            if (!_waiting.TryGetValue(pending.Key, out var current) || current != pending) return;
            _waiting.Remove(pending.Key);
            pending.Timer?.Dispose();
        }

        Add(pending.Key);
    }

    private sealed class Pending(WorkQueue<TKey> queue, TKey key, DateTimeOffset due)
    {
        public TKey Key { get; } = key;

        public DateTimeOffset Due { get; } = due;

        public ITimer? Timer { get; set; }

        public void Fire() => queue.Fire(this);
    }

    /// <summary>Stops handing out keys: waiting <see cref="GetAsync"/> calls throw OperationCanceledException.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            _shutdown.Cancel();
            foreach (var (_, entry) in _waiting) entry.Timer?.Dispose();
            _waiting.Clear();
        }
    }

    public void Dispose()
    {
        ShutDown();
        _shutdown.Dispose();
        _available.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Reconcile of {Key} failed (attempt {Attempt}); retrying with backoff")]
        public static partial void ReconcileFailed(ILogger logger, string? key, int attempt, Exception exception);
    }
}
