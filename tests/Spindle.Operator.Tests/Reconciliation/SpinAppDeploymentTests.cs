using System.Text.Json;
using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Api;
using Spindle.Operator.Reconciliation;

namespace Spindle.Operator.Tests.Reconciliation;

// spin-operator: TestConstructDeployment_*, TestDeploymentLabel, ..._AnnotationAndLabelPropagation, ..._SpinCAInjection,
// ..._ServiceAccountName, ..._Deployment_Respects_Executor_Config.
public class SpinAppDeploymentTests
{
    [Fact]
    public void Construct_MinimalApp_ShimVariant()
    {
        var app = Apps.Minimal();

        var deployment = SpinAppDeployment.Construct(app, Apps.ShimExecutor().Spec.DeploymentConfig!, "app-760b133c", null);

        Assert.Equal("apps/v1", deployment.ApiVersion);
        Assert.Equal("Deployment", deployment.Kind);
        Assert.Equal("app", deployment.Metadata.Name);
        Assert.Equal("default", deployment.Metadata.Namespace);
        Assert.Equal(1, deployment.Spec!.Replicas);
        var pod = deployment.Spec.Template.Spec!;
        Assert.Equal("a-runtime-class", pod.RuntimeClassName);
        Assert.Equal("default", pod.ServiceAccountName);
        var container = Assert.Single(pod.Containers);
        Assert.Equal("app", container.Name);
        Assert.Equal("ghcr.io/foo/app:v1", container.Image);
        Assert.Equal(["/"], container.Command);
        Assert.Null(container.Args);
        var port = Assert.Single(container.Ports!);
        Assert.Equal(("http-app", 80), (port.Name, port.Number));
        Assert.Equal(["SPIN_HTTP_LISTEN_ADDR"], container.Env!.Select(e => e.Name));
        Assert.Equal("0.0.0.0:80", container.Env![0].Value);
    }

    [Fact]
    public void Construct_Labels_SelectorAndOwner()
    {
        var deployment = SpinAppDeployment.Construct(Apps.Minimal(), Apps.ShimExecutor().Spec.DeploymentConfig!, null, null);

        Assert.Equal(new Dictionary<string, string> { ["core.spinkube.dev/app-name"] = "app" }, deployment.Metadata.Labels);
        Assert.Equal(
            new Dictionary<string, string> { ["core.spinkube.dev/app-name"] = "app", ["core.spinkube.dev/app.app.status"] = "ready" },
            deployment.Spec!.Selector.MatchLabels);
        var owner = Assert.Single(deployment.Metadata.OwnerReferences!);
        Assert.Equal(("core.spinkube.dev/v1alpha1", "SpinApp", "app", "uid-app", true, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
    }

    [Fact]
    public void Construct_LegacyGroupApp_LabelsChildrenWithItsGroup()
    {
        var app = Apps.Minimal(apiVersion: "core.spinoperator.dev/v1alpha1");

        var deployment = SpinAppDeployment.Construct(app, Apps.ShimExecutor().Spec.DeploymentConfig!, null, null);

        Assert.Equal(["core.spinoperator.dev/app-name", "core.spinoperator.dev/app.app.status"], deployment.Spec!.Selector.MatchLabels!.Keys.Order());
        Assert.Equal("core.spinoperator.dev/v1alpha1", deployment.Metadata.OwnerReferences![0].ApiVersion);
    }

    [Fact]
    public void Construct_AnnotationAndLabelPropagation()
    {
        var app = Apps.Minimal();
        app.Spec.PodLabels = new Dictionary<string, string> { ["my.pod.label"] = "value", ["core.spinkube.dev/app-name"] = "overridden" };
        app.Spec.PodAnnotations = new Dictionary<string, string> { ["my.pod.annotation"] = "value" };
        app.Spec.DeploymentAnnotations = new Dictionary<string, string> { ["my.deployment.annotation"] = "value" };

        var deployment = SpinAppDeployment.Construct(app, Apps.ShimExecutor().Spec.DeploymentConfig!, null, null);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["core.spinkube.dev/app-name"] = "app", ["core.spinkube.dev/app.app.status"] = "ready", ["my.pod.label"] = "value",
            },
            deployment.Spec!.Template.Metadata!.Labels);
        Assert.Equal(new Dictionary<string, string> { ["my.pod.annotation"] = "value" }, deployment.Spec.Template.Metadata.Annotations);
        Assert.Equal(new Dictionary<string, string> { ["my.deployment.annotation"] = "value" }, deployment.Metadata.Annotations);
    }

    [Fact]
    public void Construct_Autoscaling_OmitsReplicas()
    {
        var app = Apps.Minimal();
        app.Spec.EnableAutoscaling = true;
        app.Spec.Replicas = 0;

        var deployment = SpinAppDeployment.Construct(app, Apps.ShimExecutor().Spec.DeploymentConfig!, null, null);
        var json = JsonSerializer.Serialize(deployment, OperatorJsonContext.Default.Deployment);

        Assert.Null(deployment.Spec!.Replicas);
        Assert.DoesNotContain("\"replicas\"", json);
    }

    [Fact]
    public void Construct_Spintainer_RunsSpinUpWithComponents()
    {
        var app = Apps.Minimal();
        app.Spec.Components = ["hello", "world"];
        var config = new ExecutorDeploymentConfig { SpinImage = "ghcr.io/fermyon/spin:v2.7.0" };

        var deployment = SpinAppDeployment.Construct(app, config, null, null);
        var container = deployment.Spec!.Template.Spec!.Containers[0];

        Assert.Null(deployment.Spec.Template.Spec.RuntimeClassName);
        Assert.Equal("ghcr.io/fermyon/spin:v2.7.0", container.Image);
        Assert.Null(container.Command);
        Assert.Equal(
            ["up", "--listen", "0.0.0.0:80", "-f", "ghcr.io/foo/app:v1", "--runtime-config-file", "/runtime-config.toml", "--component-id", "hello", "--component-id", "world"],
            container.Args);
        Assert.Equal("hello,world", container.Env!.Single(e => e.Name == "SPIN_COMPONENTS_TO_RETAIN").Value);
    }

    [Fact]
    public void Construct_NeitherRuntimeClassNorSpinImage_Throws()
    {
        var error = Assert.Throws<ReconcileException>(() => SpinAppDeployment.Construct(Apps.Minimal(), new ExecutorDeploymentConfig(), null, null));

        Assert.Contains("must specify either runtimeClassName or spinImage", error.Message);
    }

    [Fact]
    public void Construct_ServiceAccountAndPullSecretsAndResources()
    {
        var app = Apps.Minimal();
        app.Spec.ServiceAccountName = "my-sa";
        app.Spec.ImagePullSecrets = [new LocalObjectReference { Name = "pull" }];
        app.Spec.Resources = new SpinAppResources
        {
            Limits = new Dictionary<string, string> { ["cpu"] = "500m" },
            Requests = new Dictionary<string, string> { ["memory"] = "400Mi" },
        };

        var pod = SpinAppDeployment.Construct(app, Apps.ShimExecutor().Spec.DeploymentConfig!, null, null).Spec!.Template.Spec!;

        Assert.Equal("my-sa", pod.ServiceAccountName);
        Assert.Equal("pull", Assert.Single(pod.ImagePullSecrets!).Name);
        Assert.Equal("500m", pod.Containers[0].Resources!.Limits!["cpu"]);
        Assert.Equal("400Mi", pod.Containers[0].Resources!.Requests!["memory"]);
    }

    [Fact]
    public void Construct_CaSecret_MountsBundle()
    {
        var pod = SpinAppDeployment.Construct(Apps.Minimal(), Apps.ShimExecutor().Spec.DeploymentConfig!, null, "spin-ca").Spec!.Template.Spec!;

        var volume = Assert.Single(pod.Volumes!);
        Assert.Equal(("spin-ca", "spin-ca", true), (volume.Name, volume.Secret!.SecretName, volume.Secret.Optional));
        Assert.Equal(("ca-certificates.crt", "ca-certificates.crt"), (volume.Secret.Items![0].Key, volume.Secret.Items[0].Path));
        var mount = Assert.Single(pod.Containers[0].VolumeMounts!);
        Assert.Equal(("spin-ca", true, "/etc/ssl/certs/ca-certificates.crt", "ca-certificates.crt"), (mount.Name, mount.ReadOnly, mount.MountPath, mount.SubPath));
    }

    [Fact]
    public void Serialize_ShimDeployment_HasWireShape()
    {
        var app = Apps.Minimal();
        app.Spec.Checks = new HealthChecks { Liveness = new HealthProbe { HttpGet = new HttpHealthProbe { Path = "/hello" } } };

        var json = JsonSerializer.Serialize(
            SpinAppDeployment.Construct(app, Apps.ShimExecutor().Spec.DeploymentConfig!, "app-1", null), OperatorJsonContext.Default.Deployment);

        Assert.Contains("\"ports\":[{\"name\":\"http-app\",\"containerPort\":80}]", json);
        Assert.Contains("\"livenessProbe\":{\"httpGet\":{\"path\":\"/hello\",\"port\":80}", json);
        Assert.Contains("\"volumes\":[{\"name\":\"spin-runtime-config\",\"secret\":{\"secretName\":\"app-1\",\"items\":[{\"key\":\"runtime-config.toml\",\"path\":\"runtime-config.toml\"}],\"optional\":true}}]", json);
        Assert.Contains("\"command\":[\"/\"]", json);
    }
}
