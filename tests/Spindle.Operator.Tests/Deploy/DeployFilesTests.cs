using Spindle.Operator.Admission;
using Spindle.Operator.Api;
using Spindle.Operator.Scaffold;
using YamlDotNet.RepresentationModel;

namespace Spindle.Operator.Tests.Deploy;

// The release assets and the Helm chart under deploy/, checked against the reference's content.
public class DeployFilesTests
{
    private static string DeployPath(string path) => Path.Combine(TestEnvironment.RepoRoot, "deploy", path);

    private static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(DeployPath(path))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path) node = ((YamlMappingNode)node)[key];
        return ((YamlScalarNode)node).Value!;
    }

    [Fact]
    public void RuntimeClass_IsWasmtimeSpinV2WithHandlerSpin()
    {
        var runtimeClass = Load("spindle-operator.runtime-class.yaml");

        Assert.Equal(("node.k8s.io/v1", "RuntimeClass", "wasmtime-spin-v2", "spin"),
            (Scalar(runtimeClass, "apiVersion"), Scalar(runtimeClass, "kind"), Scalar(runtimeClass, "metadata", "name"), Scalar(runtimeClass, "handler")));
    }

    [Fact]
    public void ShimExecutor_IsContainerdShimSpinAndValid()
    {
        var executor = Load("spindle-operator.shim-executor.yaml");

        Assert.Equal(("core.spinkube.dev/v1alpha1", "SpinAppExecutor", "containerd-shim-spin"),
            (Scalar(executor, "apiVersion"), Scalar(executor, "kind"), Scalar(executor, "metadata", "name")));
        Assert.Equal("true", Scalar(executor, "spec", "createDeployment"));
        Assert.Equal("wasmtime-spin-v2", Scalar(executor, "spec", "deploymentConfig", "runtimeClassName"));
        Assert.Equal("true", Scalar(executor, "spec", "deploymentConfig", "installDefaultCACerts"));
        var typed = new SpinAppExecutor
        {
            Spec = new SpinAppExecutorSpec { CreateDeployment = true, DeploymentConfig = new ExecutorDeploymentConfig { RuntimeClassName = "wasmtime-spin-v2" } },
        };
        Assert.Empty(SpinAppExecutorValidator.Validate(typed));
    }

    [Fact]
    public void Chart_ValuesMatchReferenceChart()
    {
        var values = Load("helm/spindle-operator/values.yaml");
        var manager = (YamlMappingNode)((YamlMappingNode)values["controllerManager"])["manager"];

        Assert.Equal(
            ["--health-probe-bind-address=:8082", "--metrics-bind-address=:8443", "--leader-elect", "--enable-webhooks"],
            ((YamlSequenceNode)manager["args"]).Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal(("500m", "128Mi", "10m", "64Mi"),
            (Scalar(manager, "resources", "limits", "cpu"), Scalar(manager, "resources", "limits", "memory"),
             Scalar(manager, "resources", "requests", "cpu"), Scalar(manager, "resources", "requests", "memory")));
        Assert.Equal("cluster.local", Scalar(values, "kubernetesClusterDomain"));
        Assert.Equal("9443", Scalar(((YamlSequenceNode)((YamlMappingNode)values["webhookService"])["ports"])[0], "targetPort"));
        Assert.Equal("8443", Scalar(((YamlSequenceNode)((YamlMappingNode)values["metricsService"])["ports"])[0], "port"));
    }

    [Fact]
    public void Chart_ManagerRoleCanReadConfigMaps()
    {
        var role = File.ReadAllText(DeployPath("helm/spindle-operator/templates/manager-rbac.yaml"));

        Assert.Contains("  - configmaps\n  verbs:\n  - get\n  - list\n  - watch\n", role);
        Assert.Contains("  - spinappexecutors/finalizers\n", role);
    }

    [Theory]
    [InlineData("mutating", "/mutate-core-spinkube-dev-v1alpha1-spinapp", "mspinapp.kb.io")]
    [InlineData("validating", "/validate-core-spinkube-dev-v1alpha1-spinappexecutor", "vspinappexecutor.kb.io")]
    public void Chart_WebhooksUseControllerRuntimePaths(string kind, string path, string name)
    {
        var webhooks = File.ReadAllText(DeployPath($"helm/spindle-operator/templates/{kind}-webhook-configuration.yaml"));

        Assert.Contains("path: " + path + "\n", webhooks);
        Assert.Contains("name: " + name + "\n", webhooks);
        Assert.Contains("failurePolicy: Fail", webhooks);
    }

    [Fact]
    public void Chart_ProbesOnPort8082()
    {
        var deployment = File.ReadAllText(DeployPath("helm/spindle-operator/templates/deployment.yaml"));

        Assert.Contains("path: /healthz\n            port: 8082", deployment);
        Assert.Contains("path: /readyz\n            port: 8082", deployment);
        Assert.Contains("- /manager", deployment);
    }

    [Fact]
    public void KubeDeploy_BuildsShimAppNamedAfterImage()
    {
        var app = KubeDeploy.BuildApp("ttl.sh/hello-spinkube:1h", 2, "demo");

        Assert.Equal(("hello-spinkube", "demo", "containerd-shim-spin", 2), (app.Metadata.Name, app.Metadata.Namespace, app.Spec.Executor, app.Spec.Replicas));
        Assert.Contains("image: \"ttl.sh/hello-spinkube:1h\"", KubeDeploy.ToYaml(app));
        Assert.Throws<ScaffoldException>(() => KubeDeploy.BuildApp("Not An Image", 1, "demo"));
    }
}
