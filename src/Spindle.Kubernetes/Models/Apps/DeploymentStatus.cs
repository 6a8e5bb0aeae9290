namespace Spindle.Kubernetes.Models.Apps;

/// <summary>apps/v1 DeploymentStatus.</summary>
public sealed class DeploymentStatus
{
    public long? ObservedGeneration { get; set; }

    public int? Replicas { get; set; }

    public int? UpdatedReplicas { get; set; }

    public int? ReadyReplicas { get; set; }

    public int? AvailableReplicas { get; set; }

    public int? UnavailableReplicas { get; set; }

    public IList<DeploymentCondition>? Conditions { get; set; }
}
