using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Operator.Api;

/// <summary>How SpinApps that name it are run (SpinKube's SpinAppExecutor).</summary>
public sealed class SpinAppExecutor : IKubernetesObject
{
    public string ApiVersion { get; set; } = SpinKube.ApiVersion;

    public string Kind { get; set; } = "SpinAppExecutor";

    public ObjectMeta Metadata { get; set; } = new();

    public SpinAppExecutorSpec Spec { get; set; } = new();

    public SpinAppExecutorStatus? Status { get; set; }
}
