using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spindle.Kubernetes;
using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Operator.Controllers;

/// <summary>
/// Records core/v1 Events on objects (as controller-runtime's recorder): a repeat of the same reason and message on
/// the same object bumps the existing Event's count instead of creating another. Failures are logged, never thrown.
/// </summary>
internal sealed partial class EventRecorder(ResourceClient<Event> events, string component, TimeProvider time, ILogger logger)
{
    private readonly ConcurrentDictionary<(string Uid, string Reason, string Message), (string Name, int Count)> _seen = new();

    public async Task WarningAsync(IKubernetesObject obj, string reason, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = (obj.Metadata.Uid ?? obj.Metadata.Name ?? "", reason, message);
        try
        {
            if (_seen.TryGetValue(key, out var previous))
            {
                var patch = new System.Text.Json.Nodes.JsonObject
                {
                    ["count"] = previous.Count + 1,
                    ["lastTimestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                };
                try
                {
                    await events.MergePatchAsync(obj.Metadata.Namespace, previous.Name, patch, cancellationToken: cancellationToken);
                    _seen[key] = (previous.Name, previous.Count + 1);
                    return;
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    // The Event expired (1 h TTL by default): record a new one.
                }
            }

            var name = $"{obj.Metadata.Name}.{now.ToUnixTimeMilliseconds() * 1000 + Random.Shared.Next(1000):x}";
            await events.CreateAsync(
                new Event
                {
                    Metadata = new ObjectMeta { Name = name, Namespace = obj.Metadata.Namespace ?? "default" },
                    InvolvedObject = new ObjectReference
                    {
                        ApiVersion = obj.ApiVersion,
                        Kind = obj.Kind,
                        Name = obj.Metadata.Name,
                        Namespace = obj.Metadata.Namespace,
                        Uid = obj.Metadata.Uid,
                        ResourceVersion = obj.Metadata.ResourceVersion,
                    },
                    Reason = reason,
                    Message = message,
                    Type = "Warning",
                    Source = new EventSource { Component = component },
                    FirstTimestamp = now,
                    LastTimestamp = now,
                    Count = 1,
                    ReportingComponent = component,
                },
                cancellationToken: cancellationToken);
            // Bounded: forgetting only means the next repeat creates a new Event instead of counting.
            if (_seen.Count > 4096) _seen.Clear();
            _seen[key] = (name, 1);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
        {
            Log.EventFailed(logger, reason, obj.Metadata.Namespace, obj.Metadata.Name, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not record event {Reason} on {Namespace}/{Name}")]
        public static partial void EventFailed(ILogger logger, string reason, string? @namespace, string? name, Exception exception);
    }
}
