using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Models.Apps;

/// <summary>apps/v1 Deployment.</summary>
public sealed class Deployment : IKubernetesObject
{
    public string ApiVersion { get; set; } = "apps/v1";

    public string Kind { get; set; } = "Deployment";

    public ObjectMeta Metadata { get; set; } = new();

    public DeploymentSpec? Spec { get; set; }

    public DeploymentStatus? Status { get; set; }
}
