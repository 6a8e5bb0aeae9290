namespace Spindle.Kubernetes.Models.Apps;

/// <summary>metav1.LabelSelector with matchLabels only (what Deployments built here use).</summary>
public sealed class LabelSelector
{
    public IDictionary<string, string>? MatchLabels { get; set; }
}
