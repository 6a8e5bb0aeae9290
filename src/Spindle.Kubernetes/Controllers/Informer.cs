using Microsoft.Extensions.Logging;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Controllers;

/// <summary>
/// A list + watch cache of one resource (client-go's shared informer): lists, then watches from the list's
/// resourceVersion with bookmarks, resumes each watch from the last resourceVersion seen, relists on 410 Gone,
/// and backs off with jitter on errors. Handlers run one at a time on the informer's loop.
/// </summary>
public sealed partial class Informer<T>
    where T : class, IKubernetesObject
{
    private readonly ResourceClient<T> _resource;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<ObjectKey, T> _store = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _resourceVersion;

    public Informer(ResourceClient<T> resource, InformerOptions? options = null)
    {
        _resource = resource;
        _options = options ?? new InformerOptions();
        _time = resource.Client.TimeProvider;
        _logger = resource.Client.LoggerFactory.CreateLogger("Spindle.Kubernetes.Informer");
    }

    /// <summary>A new object (also each object of the first list).</summary>
    public event Action<T>? Added;

    /// <summary>A changed object (old, new); also (obj, obj) on resync.</summary>
    public event Action<T, T>? Updated;

    /// <summary>A removed object (its last known state when a relist found it gone).</summary>
    public event Action<T>? Deleted;

    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>The resourceVersion the next watch resumes from.</summary>
    public string? LastResourceVersion
    {
        get
        {
            lock (_gate) return _resourceVersion;
        }
    }

    /// <summary>Completes when the first list is in the cache.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public T? TryGet(ObjectKey key)
    {
        lock (_gate) return _store.GetValueOrDefault(key);
    }

    public IReadOnlyList<T> List()
    {
        lock (_gate) return [.. _store.Values];
    }

    /// <summary>Lists, watches and keeps the cache current until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var resync = _options.ResyncPeriod is { } period ? _time.CreateTimer(_ => Resync(), null, period, period) : null;
        var backoff = new Backoff(_options.InitialBackoff, _options.MaxBackoff);
        var needList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needList)
                {
                    await ListAsync(cancellationToken);
                    needList = false;
                    backoff.Reset();
                }

                var received = await WatchAsync(cancellationToken);
                if (received) backoff.Reset();
                else await Task.Delay(backoff.Next(), _time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesApiException e) when (e.IsGone)
            {
                Log.Relisting(_logger, _resource.Resource.ToString(), LastResourceVersion);
                needList = true;
            }
            catch (Exception e)
            {
                var delay = backoff.Next();
                Log.WatchFailed(_logger, _resource.Resource.ToString(), delay.TotalSeconds, e);
                try
                {
                    await Task.Delay(delay, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? next = null;
        string? resourceVersion;
        do
        {
            var page = await _resource.ListAsync(_options.Namespace, new ListOptions
            {
                LabelSelector = _options.LabelSelector,
                FieldSelector = _options.FieldSelector,
                Limit = _options.ListPageSize,
                Continue = next,
            }, cancellationToken);
            items.AddRange(page.Items);
            resourceVersion = page.Metadata.ResourceVersion;
            next = page.Metadata.Continue;
        }
        while (!string.IsNullOrEmpty(next));

        Replace(items, resourceVersion);
        _synced.TrySetResult();
        Log.Listed(_logger, _resource.Resource.ToString(), items.Count, resourceVersion);
    }

    /// <summary>
    /// One watch connection; true when it was healthy: it delivered an event or lasted a while (a quiet namespace
    /// at the end of timeoutSeconds). A watch that ends at once with nothing is retried with backoff, as in client-go.
    /// </summary>
    private async Task<bool> WatchAsync(CancellationToken cancellationToken)
    {
        var timeout = _options.WatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble());
        var options = new WatchOptions
        {
            ResourceVersion = LastResourceVersion,
            LabelSelector = _options.LabelSelector,
            FieldSelector = _options.FieldSelector,
            AllowWatchBookmarks = true,
            TimeoutSeconds = (int)timeout,
        };
        var received = false;
        var started = _time.GetUtcNow();

        // The server ends the watch after TimeoutSeconds; if it does not (a silently dead connection), this does.
        using var watchdog = new CancellationTokenSource(TimeSpan.FromSeconds(timeout) + TimeSpan.FromMinutes(1), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watchdog.Token);
        try
        {
            await foreach (var watchEvent in _resource.WatchAsync(_options.Namespace, options, linked.Token))
            {
                received = true;
                Apply(watchEvent);
            }
        }
        catch (OperationCanceledException) when (watchdog.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.WatchStalled(_logger, _resource.Resource.ToString());
        }

        return received || _time.GetUtcNow() - started >= TimeSpan.FromSeconds(1);
    }
}
