using Spindle.Kubernetes.Models.Core;

namespace Spindle.Kubernetes.Models.Apps;

/// <summary>apps/v1 DeploymentSpec. A null <see cref="Replicas"/> leaves the count to an autoscaler.</summary>
public sealed class DeploymentSpec
{
    public int? Replicas { get; set; }

    public LabelSelector Selector { get; set; } = new();

    public PodTemplateSpec Template { get; set; } = new();
}
