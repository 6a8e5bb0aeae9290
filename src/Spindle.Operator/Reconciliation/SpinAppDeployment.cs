using Spindle.Kubernetes.Models.Apps;
using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

/// <summary>
/// Builds an app's Deployment exactly as spin-operator's constructDeployment: the shim variant (runtimeClassName,
/// <c>command: ["/"]</c>, the app image) or the spintainer variant (Spin's image running <c>spin up -f &lt;app&gt;</c>).
/// </summary>
internal static partial class SpinAppDeployment
{
    public const int HttpPort = 80;

    public const string HttpPortName = "http-app";

    /// <param name="generatedRuntimeConfigSecret">The generated runtime-config Secret's name, if one was generated.</param>
    /// <param name="caSecretName">The CA bundle Secret to mount, if any.</param>
    public static Deployment Construct(
        SpinApp app, ExecutorDeploymentConfig config, string? generatedRuntimeConfigSecret, string? caSecretName)
    {
        var name = app.Metadata.Name ?? "";
        var group = SpinKube.GroupOf(app.ApiVersion);
        var selector = new Dictionary<string, string>
        {
            [SpinKube.NameLabelKey(group)] = name,
            [SpinKube.StatusLabelKey(group, name)] = SpinKube.StatusLabelReady,
        };

        // The selector labels win over user pod labels of the same key.
        var podLabels = new Dictionary<string, string>(app.Spec.PodLabels ?? new Dictionary<string, string>());
        foreach (var (key, value) in selector) podLabels[key] = value;

        var (volumes, mounts) = ConstructVolumeMounts(app, generatedRuntimeConfigSecret, caSecretName);
        var env = ConstructEnv(app, config);
        var container = new Container
        {
            Name = name,
            Ports = [new ContainerPort { Name = HttpPortName, Number = HttpPort }],
            Env = env,
            VolumeMounts = mounts,
            Resources = new ResourceRequirements { Limits = app.Spec.Resources?.Limits, Requests = app.Spec.Resources?.Requests },
            ReadinessProbe = ToProbe(app.Spec.Checks?.Readiness),
            LivenessProbe = ToProbe(app.Spec.Checks?.Liveness),
        };

        if (config.RuntimeClassName is not null)
        {
            container.Image = app.Spec.Image;
            container.Command = ["/"];
        }
        else if (config.SpinImage is not null)
        {
            container.Image = config.SpinImage;
            var args = new List<string>
            {
                "up", "--listen", "0.0.0.0:" + HttpPort, "-f", app.Spec.Image, "--runtime-config-file", "/" + RuntimeConfigSecret.Key,
            };
            foreach (var component in app.Spec.Components ?? []) args.AddRange(["--component-id", component]);
            container.Args = args;
        }
        else
        {
            throw new ReconcileException(
                $"SpinApp {app.Metadata.Namespace}/{name}: executor '{app.Spec.Executor}' must specify either runtimeClassName or spinImage");
        }

        return new Deployment
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = app.Metadata.Namespace,
                Labels = new Dictionary<string, string> { [SpinKube.NameLabelKey(group)] = name },
                Annotations = new Dictionary<string, string>(app.Spec.DeploymentAnnotations ?? new Dictionary<string, string>()),
                OwnerReferences = [Owners.Controller(app)],
            },
            Spec = new DeploymentSpec
            {
                // Left to HPA/KEDA when autoscaling, so server-side apply does not fight them.
                Replicas = app.Spec.EnableAutoscaling ? null : app.Spec.Replicas,
                Selector = new LabelSelector { MatchLabels = selector },
                Template = new PodTemplateSpec
                {
                    Metadata = new ObjectMeta
                    {
                        Labels = podLabels,
                        Annotations = new Dictionary<string, string>(app.Spec.PodAnnotations ?? new Dictionary<string, string>()),
                    },
                    Spec = new PodSpec
                    {
                        RuntimeClassName = config.RuntimeClassName,
                        ServiceAccountName = string.IsNullOrEmpty(app.Spec.ServiceAccountName) ? "default" : app.Spec.ServiceAccountName,
                        ImagePullSecrets = app.Spec.ImagePullSecrets,
                        Containers = [container],
                        Volumes = volumes,
                    },
                },
            },
        };
    }
}
