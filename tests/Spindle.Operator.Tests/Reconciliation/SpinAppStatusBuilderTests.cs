using Spindle.Kubernetes.Models.Apps;
using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;
using Spindle.Operator.Reconciliation;

namespace Spindle.Operator.Tests.Reconciliation;

public class SpinAppStatusBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Compute_NoDeployment_UnknownDeploymentNotFound()
    {
        var status = SpinAppStatusBuilder.Compute(Apps.Minimal(), Apps.ShimExecutor(), null, null, Now)!;

        Assert.Equal(0, status.ReadyReplicas);
        Assert.Equal("containerd-shim-spin", status.ActiveScheduler);
        Assert.Equal(
            [("Available", "Unknown", "DeploymentNotFound", "Deployment not found"), ("Progressing", "Unknown", "DeploymentNotFound", "Deployment not found")],
            status.Conditions!.Select(c => (c.Type, c.Status, c.Reason!, c.Message!)));
        Assert.All(status.Conditions!, c => Assert.Equal(Now, c.LastTransitionTime));
        Assert.Null(status.DeploymentName);
    }

    [Fact]
    public void Compute_Deployment_CopiesConditionsAndReadyReplicas()
    {
        var app = Apps.Minimal();
        var earlier = Now.AddHours(-1);
        app.Status = new SpinAppStatus { Conditions = [new Condition { Type = "Available", Status = "True", LastTransitionTime = earlier }] };
        var deployment = new Deployment
        {
            Metadata = new ObjectMeta { Name = "app" },
            Status = new DeploymentStatus
            {
                ReadyReplicas = 2,
                Conditions =
                [
                    new DeploymentCondition { Type = "Available", Status = "True", Reason = "MinimumReplicasAvailable", Message = "ok" },
                    new DeploymentCondition { Type = "Progressing", Status = "True", Reason = "NewReplicaSetAvailable", Message = "done" },
                    new DeploymentCondition { Type = "ReplicaFailure", Status = "False", Reason = "x" },
                ],
            },
        };

        var status = SpinAppStatusBuilder.Compute(app, Apps.ShimExecutor(), deployment, new Service { Metadata = new ObjectMeta { Name = "app" } }, Now)!;

        Assert.Equal(2, status.ReadyReplicas);
        Assert.Equal(("app", "app"), (status.DeploymentName, status.ServiceName));
        Assert.Equal(["Available", "Progressing"], status.Conditions!.Select(c => c.Type));
        Assert.Equal(earlier, status.Conditions![0].LastTransitionTime);
        Assert.Equal(Now, status.Conditions[1].LastTransitionTime);
    }

    [Fact]
    public void Compute_ExecutorWithoutDeployments_LeavesStatusAlone()
    {
        var executor = Apps.ShimExecutor();
        executor.Spec.CreateDeployment = false;

        Assert.Null(SpinAppStatusBuilder.Compute(Apps.Minimal(), executor, null, null, Now));
    }
}
