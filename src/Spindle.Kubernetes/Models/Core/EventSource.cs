namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 EventSource: the component that reported an Event.</summary>
public sealed class EventSource
{
    public string? Component { get; set; }

    public string? Host { get; set; }
}
