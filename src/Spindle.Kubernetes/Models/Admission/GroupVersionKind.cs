namespace Spindle.Kubernetes.Models.Admission;

/// <summary>metav1.GroupVersionKind as an admission request names the object's kind.</summary>
public sealed class GroupVersionKind
{
    public string Group { get; set; } = "";

    public string Version { get; set; } = "";

    public string Kind { get; set; } = "";
}
