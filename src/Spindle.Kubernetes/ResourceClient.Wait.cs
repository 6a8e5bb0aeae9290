using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes;

public sealed partial class ResourceClient<T>
{
    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the object (null while it does not exist, so a deletion
    /// can be awaited too) and returns its state then. Lists with a name field selector, then watches from that
    /// resourceVersion, resuming after stream ends and relisting on 410 Gone. Bound the wait with the token.
    /// </summary>
    public async Task<T?> WaitForAsync(string? @namespace, string name, Func<T?, bool> condition, CancellationToken cancellationToken)
    {
        var selector = "metadata.name=" + name;
        while (true)
        {
            var list = await ListAsync(@namespace, new ListOptions { FieldSelector = selector }, cancellationToken);
            var current = list.Items.Count > 0 ? list.Items[0] : null;
            if (condition(current)) return current;
            var resourceVersion = list.Metadata.ResourceVersion;
            try
            {
                while (true)
                {
                    var options = new WatchOptions { ResourceVersion = resourceVersion, FieldSelector = selector, TimeoutSeconds = 300 };
                    await foreach (var change in WatchAsync(@namespace, options, cancellationToken))
                    {
                        resourceVersion = change.Object?.Metadata.ResourceVersion ?? resourceVersion;
                        if (change.Type == WatchEventType.Bookmark) continue;
                        current = change.Type == WatchEventType.Deleted ? null : change.Object;
                        if (condition(current)) return current;
                    }
                }
            }
            catch (KubernetesApiException e) when (e.IsGone)
            {
                // History compacted while we waited: start over from a fresh list.
            }
        }
    }
}
