using Microsoft.Extensions.Logging;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Controllers;

public sealed partial class Informer<T>
{
    private void Replace(List<T> items, string? resourceVersion)
    {
        lock (_gate)
        {
            var seen = new HashSet<ObjectKey>();
            foreach (var item in items)
            {
                var key = ObjectKey.From(item);
                seen.Add(key);
                if (_store.TryGetValue(key, out var old))
                {
                    _store[key] = item;
                    if (old.Metadata.ResourceVersion != item.Metadata.ResourceVersion) Notify(() => Updated?.Invoke(old, item));
                }
                else
                {
                    _store[key] = item;
                    Notify(() => Added?.Invoke(item));
                }
            }

            // Deleted while we were not watching (the relist after 410 Gone is the only way to learn it).
            foreach (var key in _store.Keys.ToList())
            {
                if (seen.Contains(key)) continue;
                var gone = _store[key];
                _store.Remove(key);
                Notify(() => Deleted?.Invoke(gone));
            }

            _resourceVersion = resourceVersion;
        }
    }

    private void Apply(WatchEvent<T> watchEvent)
    {
        var obj = watchEvent.Object!;
        lock (_gate)
        {
            if (obj.Metadata.ResourceVersion is { Length: > 0 } version) _resourceVersion = version;
            if (watchEvent.Type == WatchEventType.Bookmark) return;
            var key = ObjectKey.From(obj);
            if (watchEvent.Type == WatchEventType.Deleted)
            {
                _store.Remove(key);
                Notify(() => Deleted?.Invoke(obj));
            }
            else if (_store.TryGetValue(key, out var old))
            {
                _store[key] = obj;
                Notify(() => Updated?.Invoke(old, obj));
            }
            else
            {
                _store[key] = obj;
                Notify(() => Added?.Invoke(obj));
            }
        }
    }

    private void Resync()
    {
        lock (_gate)
        {
            if (!HasSynced) return;
            foreach (var obj in _store.Values) Notify(() => Updated?.Invoke(obj, obj));
        }
    }

    // A throwing handler must not stop the cache (nor the other handlers' events).
    private void Notify(Action handler)
    {
        try
        {
            handler();
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, _resource.Resource.ToString(), e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Listed {Resource}: {Count} objects at resourceVersion {ResourceVersion}")]
        public static partial void Listed(ILogger logger, string resource, int count, string? resourceVersion);

        [LoggerMessage(2, LogLevel.Information, "Watch of {Resource} from resourceVersion {ResourceVersion} expired (410 Gone): relisting")]
        public static partial void Relisting(ILogger logger, string resource, string? resourceVersion);

        [LoggerMessage(3, LogLevel.Warning, "List/watch of {Resource} failed; retrying in {Seconds:0.0} s")]
        public static partial void WatchFailed(ILogger logger, string resource, double seconds, Exception exception);

        [LoggerMessage(5, LogLevel.Warning, "Watch of {Resource} outlived its timeout without ending: reconnecting")]
        public static partial void WatchStalled(ILogger logger, string resource);

        [LoggerMessage(4, LogLevel.Error, "An event handler of the {Resource} informer threw")]
        public static partial void HandlerFailed(ILogger logger, string resource, Exception exception);
    }
}
