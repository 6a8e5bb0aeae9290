using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>SpinAppExecutorSpec.</summary>
public sealed class SpinAppExecutorSpec
{
    [CrdRequired]
    [CrdDescription("CreateDeployment makes the operator create a Deployment for each app; otherwise the executor realises apps itself.")]
    public bool CreateDeployment { get; set; }

    [CrdDescription("DeploymentConfig is how the operator builds Deployments when createDeployment is true.")]
    public ExecutorDeploymentConfig? DeploymentConfig { get; set; }
}
