using System.Text.Json.Serialization;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes.Models.Meta;

/// <summary>metav1.Condition, as in status.conditions of SpinApp and Deployment-like kinds.</summary>
public sealed class Condition
{
    public string Type { get; set; } = "";

    /// <summary>"True", "False" or "Unknown".</summary>
    public string Status { get; set; } = "";

    public long? ObservedGeneration { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? LastTransitionTime { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
