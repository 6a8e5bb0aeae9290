namespace Spindle.Kubernetes.Models.Admission;

/// <summary>metav1.GroupVersionResource as an admission request names the resource.</summary>
public sealed class GroupVersionResource
{
    public string Group { get; set; } = "";

    public string Version { get; set; } = "";

    public string Resource { get; set; } = "";
}
