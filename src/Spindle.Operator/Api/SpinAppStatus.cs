using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>SpinAppStatus: mirrors the app's Deployment (conditions, ready replicas) and names its children.</summary>
public sealed class SpinAppStatus
{
    [CrdDescription("Represents the observations of a SpinApp's current state (types Available and Progressing).")]
    public IList<Condition>? Conditions { get; set; }

    [CrdDescription("ActiveScheduler is the executor currently running the app.")]
    public string? ActiveScheduler { get; set; }

    [CrdRequired]
    [CrdDescription("Number of replicas that are ready.")]
    public int ReadyReplicas { get; set; }

    [CrdDescription("DeploymentName is the name of the app's Deployment.")]
    public string? DeploymentName { get; set; }

    [CrdDescription("ServiceName is the name of the app's Service.")]
    public string? ServiceName { get; set; }
}
