using System.Text.Json.Serialization;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes.Models.Apps;

/// <summary>apps/v1 DeploymentCondition ("Available", "Progressing").</summary>
public sealed class DeploymentCondition
{
    public string Type { get; set; } = "";

    public string Status { get; set; } = "";

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? LastUpdateTime { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? LastTransitionTime { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
