namespace Spindle.Kubernetes.Models.Meta;

/// <summary>A list response ("ConfigMapList", "SpinAppList"): items plus the resourceVersion to watch from.</summary>
public sealed class KubernetesList<T>
    where T : class
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ListMeta Metadata { get; set; } = new();

    public IList<T> Items { get; set; } = [];
}
