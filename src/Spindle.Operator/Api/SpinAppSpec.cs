using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>SpinAppSpec, field for field as spin-operator's api/v1alpha1/spinapp_types.go.</summary>
public sealed class SpinAppSpec
{
    [CrdRequired]
    [CrdDescription("Executor controls how this app is executed in the cluster: the name of a SpinAppExecutor in the same namespace.")]
    public string Executor { get; set; } = "";

    [CrdRequired]
    [CrdDescription("Image is the OCI reference of the Spin application.")]
    public string Image { get; set; } = "";

    [CrdDescription("ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling the image.")]
    public IList<LocalObjectReference>? ImagePullSecrets { get; set; }

    [CrdDescription("Checks defines health checks that the executor uses to determine the health of the application.")]
    public HealthChecks? Checks { get; set; }

    [CrdDescription("Number of replicas to run; must not be set when autoscaling is enabled.")]
    public int Replicas { get; set; }

    [CrdDefault(false)]
    [CrdDescription("EnableAutoscaling leaves the replica count to an external autoscaler (HPA or KEDA).")]
    public bool EnableAutoscaling { get; set; }

    [CrdDescription("RuntimeConfig defines configuration to be applied at runtime for this app.")]
    public RuntimeConfig? RuntimeConfig { get; set; }

    [CrdDescription("Volumes defines the volumes available to the app.")]
    public IList<Volume>? Volumes { get; set; }

    [CrdDescription("VolumeMounts defines where the volumes are mounted in the app's container.")]
    public IList<VolumeMount>? VolumeMounts { get; set; }

    [CrdDescription("Variables provide Spin variables to the app (as SPIN_VARIABLE_<NAME> environment variables).")]
    public IList<SpinVar>? Variables { get; set; }

    [CrdDescription("ServiceAnnotations are annotations applied to the app's Service.")]
    public IDictionary<string, string>? ServiceAnnotations { get; set; }

    [CrdDescription("DeploymentAnnotations are annotations applied to the app's Deployment.")]
    public IDictionary<string, string>? DeploymentAnnotations { get; set; }

    [CrdDescription("PodAnnotations are annotations applied to the app's pods.")]
    public IDictionary<string, string>? PodAnnotations { get; set; }

    [CrdDescription("PodLabels are labels applied to the app's pods.")]
    public IDictionary<string, string>? PodLabels { get; set; }

    [CrdDescription("Resources defines the compute resources of the app's container.")]
    public SpinAppResources? Resources { get; set; }

    [CrdMinItems(1)]
    [CrdDescription("Components selects which of the app's components run (selective deployment); all when unset.")]
    public IList<string>? Components { get; set; }

    [CrdDescription("ServiceAccountName of the app's pods; \"default\" when unset.")]
    public string? ServiceAccountName { get; set; }

    [CrdDescription("InvocationLimits limits each invocation; only \"memory\" (a quantity such as 128Mi) is interpreted.")]
    public IDictionary<string, string>? InvocationLimits { get; set; }
}
