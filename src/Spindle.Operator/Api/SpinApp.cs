using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Operator.Api;

/// <summary>A Spin application on Kubernetes (SpinKube's SpinApp, core.spinkube.dev/v1alpha1).</summary>
public sealed class SpinApp : IKubernetesObject
{
    public string ApiVersion { get; set; } = SpinKube.ApiVersion;

    public string Kind { get; set; } = "SpinApp";

    public ObjectMeta Metadata { get; set; } = new();

    public SpinAppSpec Spec { get; set; } = new();

    public SpinAppStatus? Status { get; set; }
}
