namespace Spindle.Kubernetes.Models.Meta;

/// <summary>One line of a watch stream. ERROR events never reach callers: the client throws KubernetesApiException.</summary>
public sealed class WatchEvent<T>
    where T : class
{
    public WatchEventType Type { get; set; }

    public T? Object { get; set; }
}
