using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Spindle.Kubernetes;
using Spindle.Kubernetes.Models.Apps;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;

namespace Spindle.Operator.Tests.Integration;

// Against a real API server (../shared/tools/k8s or SPINDLE_TEST_KUBECONFIG): spin-operator's e2e and envtest behaviours.
[Collection(OperatorCluster.Name)]
public class OperatorClusterTests(OperatorFixture cluster)
{
    private const string Image = "ghcr.io/spinframework/containerd-shim-spin/examples/spin-rust-hello:v0.23.0";

    [RequiresTheory(Requirement.Kubernetes)]
    [InlineData(SpinKube.Group)]
    [InlineData(SpinKube.LegacyGroup)]
    public async Task SimpleApp_BuildsDeploymentServiceSecretsAndStatus(string group)
    {
        var ns = await cluster.NamespaceAsync("simple-" + group.Split('.')[1]);
        await CreateExecutorAsync(group, ns);
        await CreateAppAsync(group, ns, "simple-spinapp");

        var deployment = await Eventually.ValueAsync(() => cluster.Resources.Deployments.TryGetAsync(ns, "simple-spinapp"), "the Deployment");
        var service = await Eventually.ValueAsync(() => cluster.Resources.Services.TryGetAsync(ns, "simple-spinapp"), "the Service");
        var runtimeConfig = await Eventually.ValueAsync(() => cluster.Resources.Secrets.TryGetAsync(ns, "simple-spinapp-760b133c"), "the runtime-config Secret");
        var ca = await Eventually.ValueAsync(() => cluster.Resources.Secrets.TryGetAsync(ns, "spin-ca"), "the spin-ca Secret");

        Assert.Equal(new Dictionary<string, string> { [group + "/app-name"] = "simple-spinapp" }, deployment.Metadata.Labels);
        Assert.Equal(1, deployment.Spec!.Replicas);
        var pod = deployment.Spec.Template.Spec!;
        Assert.Equal("wasmtime-spin-v2", pod.RuntimeClassName);
        Assert.Equal(["/"], pod.Containers[0].Command);
        Assert.Equal(Image, pod.Containers[0].Image);
        Assert.Equal(["spin-runtime-config", "spin-ca"], pod.Volumes!.Select(v => v.Name));
        var owner = Assert.Single(deployment.Metadata.OwnerReferences!);
        Assert.Equal((group + "/v1alpha1", "SpinApp", true), (owner.ApiVersion, owner.Kind, owner.Controller));
        Assert.Equal(new Dictionary<string, string> { [group + "/app.simple-spinapp.status"] = "ready" }, service.Spec!.Selector);
        Assert.Equal("[[config_provider]]\ntype = 'env'\nprefix = 'SPIN_VARIABLE_'\n", Encoding.UTF8.GetString(runtimeConfig.Data!["runtime-config.toml"]));
        Assert.Equal("spin-operator.spinkube.dev", ca.Metadata.Annotations!["app.kubernetes.io/managed-by"]);
        Assert.Contains("test bundle", Encoding.UTF8.GetString(ca.Data!["ca-certificates.crt"]));

        var app = await Eventually.ValueAsync(
            async () => await cluster.Resources.SpinApps(group).GetAsync(ns, "simple-spinapp") is { Status: { ServiceName: not null, Conditions: { } c } } a
                && c.Any(c => c.Type == "Available") ? a : null,
            "status with the Deployment's Available condition");
        Assert.Equal(("simple-spinapp", "containerd-shim-spin", 0), (app.Status!.DeploymentName, app.Status.ActiveScheduler, app.Status.ReadyReplicas));

        var executor = await cluster.Resources.Executors(group).GetAsync(ns, "containerd-shim-spin");
        Assert.Contains(group + "/finalizer", executor.Metadata.Finalizers!);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task SeedManifests_AppliedAsFiles_AreReconciled()
    {
        var ns = await cluster.NamespaceAsync("seeds");
        var executor = YamlJson.Parse(await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepoRoot, "deploy", "spindle-operator.shim-executor.yaml")));
        executor["metadata"]!["namespace"] = ns;
        // spin-operator's config/samples/simple.yaml.
        var app = YamlJson.Parse($"""
            apiVersion: core.spinkube.dev/v1alpha1
            kind: SpinApp
            metadata:
              name: simple-spinapp
              namespace: {ns}
            spec:
              image: "{Image}"
              replicas: 1
              executor: containerd-shim-spin
            """);

        await cluster.Generic(Spindle.Operator.Controllers.OperatorResources.ExecutorResource(SpinKube.Group)).ApplyAsync(GenericObject.From(executor), new ApplyOptions("kubectl"));
        await cluster.Generic(Spindle.Operator.Controllers.OperatorResources.SpinAppResource(SpinKube.Group)).ApplyAsync(GenericObject.From(app), new ApplyOptions("kubectl"));

        var deployment = await Eventually.ValueAsync(() => cluster.Resources.Deployments.TryGetAsync(ns, "simple-spinapp"), "the Deployment");
        Assert.Equal("wasmtime-spin-v2", deployment.Spec!.Template.Spec!.RuntimeClassName);
        await Eventually.ValueAsync(() => cluster.Resources.Services.TryGetAsync(ns, "simple-spinapp"), "the Service");
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task RuntimeConfig_FromSecret_IsContentAddressedAndRollsOut()
    {
        var ns = await cluster.NamespaceAsync("runtimeconfig");
        await CreateExecutorAsync(SpinKube.Group, ns);
        await cluster.Resources.Secrets.CreateAsync(new Kubernetes.Models.Core.Secret
        {
            Metadata = new ObjectMeta { Name = "redis", Namespace = ns },
            Data = new Dictionary<string, byte[]> { ["url"] = "redis://localhost:9000"u8.ToArray() },
        });
        var app = App(SpinKube.Group, ns, "configured");
        app.Spec.RuntimeConfig = new RuntimeConfig
        {
            KeyValueStores =
            [
                new KeyValueStoreConfig
                {
                    Name = "default", Type = "redis",
                    Options = [new RuntimeConfigOption { Name = "url", ValueFrom = new RuntimeConfigVarSource { SecretKeyRef = new() { Name = "redis", Key = "url" } } }],
                },
            ],
        };
        await cluster.Resources.SpinApps(SpinKube.Group).CreateAsync(app);
        const string expected = "[[config_provider]]\ntype = 'env'\nprefix = 'SPIN_VARIABLE_'\n\n[key_value_store]\n[key_value_store.default]\ntype = 'redis'\nurl = 'redis://localhost:9000'\n";
        var name = Spindle.Operator.Reconciliation.RuntimeConfigSecret.Name("configured", Encoding.UTF8.GetBytes(expected));

        var secret = await Eventually.ValueAsync(() => cluster.Resources.Secrets.TryGetAsync(ns, name), "the runtime-config Secret " + name);
        Assert.Equal(expected, Encoding.UTF8.GetString(secret.Data!["runtime-config.toml"]));
        await Eventually.TrueAsync(
            async () => (await cluster.Resources.Deployments.TryGetAsync(ns, "configured"))?.Spec!.Template.Spec!.Volumes![0].Secret!.SecretName == name, "the mount");

        // A new image propagates although the Secret already exists (TestReconcile_Integration_RuntimeConfig_SecretAlreadyExists).
        await cluster.Resources.SpinApps(SpinKube.Group).MergePatchAsync(ns, "configured", new JsonObject { ["spec"] = new JsonObject { ["image"] = Image + "-2" } });
        await Eventually.TrueAsync(
            async () => (await cluster.Resources.Deployments.GetAsync(ns, "configured")).Spec!.Template.Spec!.Containers[0].Image == Image + "-2", "the new image");
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task SpintainerExecutor_RunsSpinUpWithTheAppImage()
    {
        var ns = await cluster.NamespaceAsync("spintainer");
        await cluster.Resources.Executors(SpinKube.Group).CreateAsync(new SpinAppExecutor
        {
            Metadata = new ObjectMeta { Name = "spintainer", Namespace = ns },
            Spec = new SpinAppExecutorSpec
            {
                CreateDeployment = true, DeploymentConfig = new ExecutorDeploymentConfig { SpinImage = "ghcr.io/fermyon/spin:v2.7.0", InstallDefaultCACerts = true },
            },
        });
        var app = App(SpinKube.Group, ns, "selective", executor: "spintainer");
        app.Spec.Components = ["hello"];
        await cluster.Resources.SpinApps(SpinKube.Group).CreateAsync(app);

        var container = (await Eventually.ValueAsync(() => cluster.Resources.Deployments.TryGetAsync(ns, "selective"), "the Deployment")).Spec!.Template.Spec!.Containers[0];

        Assert.Equal("ghcr.io/fermyon/spin:v2.7.0", container.Image);
        Assert.Equal(["up", "--listen", "0.0.0.0:80", "-f", Image, "--runtime-config-file", "/runtime-config.toml", "--component-id", "hello"], container.Args);
        Assert.Equal("hello", container.Env!.Single(e => e.Name == "SPIN_COMPONENTS_TO_RETAIN").Value);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task GetSpinApps_PrintsReadyDesiredExecutorColumns()
    {
        // ../shared/tools/k8s builds kubectl into its state directory (beside the kubeconfig) when none is on PATH.
        var built = Path.Combine(Path.GetDirectoryName(Requirements.KubeConfig!)!, "bin", "kubectl");
        var kubectl = Environment.GetEnvironmentVariable("SPINDLE_K8S_KUBECTL") ?? TestEnvironment.FindTool("kubectl") ?? (File.Exists(built) ? built : null);
        Assert.True(kubectl is not null, "kubectl not found: ../shared/tools/k8s builds one (SPINDLE_K8S_KUBECTL)");
        var ns = await cluster.NamespaceAsync("columns");
        await CreateExecutorAsync(SpinKube.Group, ns);
        await CreateAppAsync(SpinKube.Group, ns, "columns-app", replicas: 2);
        await Eventually.TrueAsync(
            async () => (await cluster.Resources.SpinApps(SpinKube.Group).GetAsync(ns, "columns-app")).Status?.ServiceName is not null, "status");

        var table = await RunAsync(kubectl!, $"--kubeconfig {Requirements.KubeConfig} -n {ns} get spinapps.core.spinkube.dev");
        var wide = await RunAsync(kubectl!, $"--kubeconfig {Requirements.KubeConfig} -n {ns} get spinapps.core.spinkube.dev -o wide");

        Assert.Equal(["NAME", "READY", "DESIRED", "EXECUTOR"], Words(table[0]));
        Assert.Equal(["columns-app", "0", "2", "containerd-shim-spin"], Words(table[1]));
        Assert.Equal(["NAME", "READY", "DESIRED", "EXECUTOR", "DEPLOYMENT", "SERVICE"], Words(wide[0]));
        Assert.Equal(["columns-app", "0", "2", "containerd-shim-spin", "columns-app", "columns-app"], Words(wide[1]));
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Webhooks_RejectInvalidAppsAndExecutors_NothingApplied()
    {
        var ns = await cluster.NamespaceAsync("rejects");
        await CreateExecutorAsync(SpinKube.Group, ns);
        var apps = cluster.Resources.SpinApps(SpinKube.Group);

        var autoscaled = App(SpinKube.Group, ns, "autoscaled", replicas: 2);
        autoscaled.Spec.EnableAutoscaling = true;
        var replicas = await Assert.ThrowsAsync<KubernetesApiException>(() => apps.CreateAsync(autoscaled));
        var unknown = await Assert.ThrowsAsync<KubernetesApiException>(() => apps.CreateAsync(App(SpinKube.Group, ns, "unknown", executor: "nope")));
        var bothExecutor = new SpinAppExecutor
        {
            Metadata = new ObjectMeta { Name = "both", Namespace = ns },
            Spec = new SpinAppExecutorSpec { CreateDeployment = true, DeploymentConfig = new ExecutorDeploymentConfig { RuntimeClassName = "foo", SpinImage = "bar" } },
        };
        var both = await Assert.ThrowsAsync<KubernetesApiException>(() => cluster.Resources.Executors(SpinKube.Group).CreateAsync(bothExecutor));

        Assert.Equal(
            "admission webhook \"vspinapp.kb.io\" denied the request: SpinApp.core.spinkube.dev \"autoscaled\" is invalid: spec.replicas: Invalid value: 2: replicas cannot be set when autoscaling is enabled",
            replicas.Status.Message);
        Assert.Equal(
            "admission webhook \"vspinapp.kb.io\" denied the request: SpinApp.core.spinkube.dev \"unknown\" is invalid: spec.executor: Invalid value: \"nope\": executor does not exist in namespace",
            unknown.Status.Message);
        Assert.Equal(
            "admission webhook \"vspinappexecutor.kb.io\" denied the request: SpinAppExecutor.core.spinkube.dev \"both\" is invalid: spec.deploymentConfig.runtimeClassName: Invalid value: \"foo\": runtimeClassName and spinImage are mutually exclusive",
            both.Status.Message);
        Assert.Empty((await apps.ListAsync(ns)).Items);
        Assert.Empty((await cluster.Resources.Deployments.ListAsync(ns)).Items);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Webhooks_DefaultMissingExecutor()
    {
        var ns = await cluster.NamespaceAsync("defaulting");
        await CreateExecutorAsync(SpinKube.LegacyGroup, ns, "aaa-" + cluster.RunId);

        var app = await cluster.Resources.SpinApps(SpinKube.LegacyGroup).CreateAsync(App(SpinKube.LegacyGroup, ns, "defaulted", executor: ""));

        // Alphabetically first across all namespaces: ours, unless another run left an even earlier name behind.
        Assert.StartsWith("aaa-", app.Spec.Executor);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task Scaling_FollowsSpecAndRevertsManualScale()
    {
        var ns = await cluster.NamespaceAsync("scaling");
        await CreateExecutorAsync(SpinKube.Group, ns);
        await CreateAppAsync(SpinKube.Group, ns, "scaled");
        await Eventually.ValueAsync(() => cluster.Resources.Deployments.TryGetAsync(ns, "scaled"), "the Deployment");

        await cluster.Resources.SpinApps(SpinKube.Group).MergePatchAsync(ns, "scaled", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 3 } });
        await Eventually.TrueAsync(async () => (await cluster.Resources.Deployments.GetAsync(ns, "scaled")).Spec!.Replicas == 3, "3 replicas");
        await cluster.Resources.Deployments.MergePatchAsync(ns, "scaled", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 5 } });

        await Eventually.TrueAsync(async () => (await cluster.Resources.Deployments.GetAsync(ns, "scaled")).Spec!.Replicas == 3, "the manual scale to be reverted");
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task DeletingApp_GarbageCollectsChildren()
    {
        var ns = await cluster.NamespaceAsync("deletion");
        await CreateExecutorAsync(SpinKube.Group, ns);
        await CreateAppAsync(SpinKube.Group, ns, "doomed");
        await Eventually.ValueAsync(() => cluster.Resources.Services.TryGetAsync(ns, "doomed"), "the Service");
        await Eventually.ValueAsync(() => cluster.Resources.Deployments.TryGetAsync(ns, "doomed"), "the Deployment");

        await cluster.Resources.SpinApps(SpinKube.Group).DeleteAsync(ns, "doomed");

        await Eventually.TrueAsync(async () => await cluster.Resources.Deployments.TryGetAsync(ns, "doomed") is null, "the Deployment to be collected");
        await Eventually.TrueAsync(async () => await cluster.Resources.Services.TryGetAsync(ns, "doomed") is null, "the Service to be collected");
        await Eventually.TrueAsync(async () => await cluster.Resources.Secrets.TryGetAsync(ns, "doomed-760b133c") is null, "the runtime-config Secret to be collected");
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task DeletingExecutor_BlockedWhileAppsUseIt()
    {
        var ns = await cluster.NamespaceAsync("blocking");
        var executors = cluster.Resources.Executors(SpinKube.Group);
        await CreateExecutorAsync(SpinKube.Group, ns);
        await CreateAppAsync(SpinKube.Group, ns, "dependent");
        await Eventually.TrueAsync(async () => (await executors.GetAsync(ns, "containerd-shim-spin")).Metadata.Finalizers?.Count > 0, "the finalizer");

        await executors.DeleteAsync(ns, "containerd-shim-spin");

        await Eventually.TrueAsync(
            async () => (await cluster.Resources.Events.ListAsync(ns)).Items.Any(e => e.Reason == "DeletionBlocked" && e.Type == "Warning"
                && e.Message == "Cannot delete SpinAppExecutor with dependent SpinApps"),
            "the DeletionBlocked event");
        Assert.NotNull((await executors.GetAsync(ns, "containerd-shim-spin")).Metadata.DeletionTimestamp);

        await cluster.Resources.SpinApps(SpinKube.Group).DeleteAsync(ns, "dependent");
        await Eventually.TrueAsync(async () => await executors.TryGetAsync(ns, "containerd-shim-spin") is null, "the executor to be deleted");
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task DeletingExecutor_OtherNamespacesAppsDoNotBlock()
    {
        var used = await cluster.NamespaceAsync("crossns-used");
        var unused = await cluster.NamespaceAsync("crossns-unused");
        var executors = cluster.Resources.Executors(SpinKube.Group);
        await CreateExecutorAsync(SpinKube.Group, used);
        await CreateExecutorAsync(SpinKube.Group, unused);
        await CreateAppAsync(SpinKube.Group, used, "dependent");
        await Eventually.TrueAsync(async () => (await executors.GetAsync(unused, "containerd-shim-spin")).Metadata.Finalizers?.Count > 0, "the finalizer");

        await executors.DeleteAsync(unused, "containerd-shim-spin");

        await Eventually.TrueAsync(async () => await executors.TryGetAsync(unused, "containerd-shim-spin") is null, "the unused executor to be deleted");
        Assert.Null((await executors.GetAsync(used, "containerd-shim-spin")).Metadata.DeletionTimestamp);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task AppWithoutExecutor_RecordsMissingExecutorEvent()
    {
        // Without the webhooks (unlabelled namespace) nothing stops an app naming a missing executor.
        var ns = await cluster.NamespaceAsync("missing", webhooks: false);
        await CreateAppAsync(SpinKube.Group, ns, "orphan", executor: "absent");

        await Eventually.TrueAsync(
            async () => (await cluster.Resources.Events.ListAsync(ns)).Items.Any(e => e.Reason == "MissingExecutor" && e.Message == $"Could not find SpinAppExecutor {ns}/absent"),
            "the MissingExecutor event");
        Assert.Null(await cluster.Resources.Deployments.TryGetAsync(ns, "orphan"));
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task ExecutorWithoutRuntime_LeavesNothingHalfApplied()
    {
        // No webhooks here, so the API server accepts an executor with neither runtimeClassName nor spinImage.
        var ns = await cluster.NamespaceAsync("halfapplied", webhooks: false);
        await cluster.Resources.Executors(SpinKube.Group).CreateAsync(new SpinAppExecutor
        {
            Metadata = new ObjectMeta { Name = "broken", Namespace = ns },
            Spec = new SpinAppExecutorSpec { CreateDeployment = true, DeploymentConfig = new ExecutorDeploymentConfig { InstallDefaultCACerts = true } },
        });
        await CreateAppAsync(SpinKube.Group, ns, "stranded", executor: "broken");

        // Status is written before the children, so once it is there the reconcile has reached (and failed) them.
        await Eventually.TrueAsync(async () => (await cluster.Resources.SpinApps(SpinKube.Group).GetAsync(ns, "stranded")).Status is not null, "status");
        for (var check = 0; check < 5; check++)
        {
            Assert.Empty((await cluster.Resources.Deployments.ListAsync(ns)).Items);
            Assert.Empty((await cluster.Resources.Services.ListAsync(ns)).Items);
            Assert.DoesNotContain((await cluster.Resources.Secrets.ListAsync(ns)).Items, s => s.Type != "kubernetes.io/service-account-token");
            await Task.Delay(200);
        }
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task HealthAndMetrics_AreServed()
    {
        using var http = new HttpClient();

        var health = await http.GetStringAsync($"http://127.0.0.1:{cluster.Host.HealthPort}/healthz");
        var ready = await http.GetStringAsync($"http://127.0.0.1:{cluster.Host.HealthPort}/readyz");
        var metrics = await http.GetStringAsync($"http://127.0.0.1:{cluster.Host.MetricsPort}/metrics");

        Assert.Equal(("ok", "ok"), (health, ready));
        Assert.Contains("controller_runtime_reconcile_total{controller=\"spinapp\"", metrics);
        Assert.Contains("workqueue_depth{name=\"spinapp\"}", metrics);
    }

    private Task CreateExecutorAsync(string group, string ns, string name = "containerd-shim-spin") =>
        cluster.Resources.Executors(group).CreateAsync(new SpinAppExecutor
        {
            ApiVersion = group + "/v1alpha1",
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = new SpinAppExecutorSpec
            {
                CreateDeployment = true,
                DeploymentConfig = new ExecutorDeploymentConfig { RuntimeClassName = "wasmtime-spin-v2", InstallDefaultCACerts = true },
            },
        });

    private Task CreateAppAsync(string group, string ns, string name, int replicas = 1, string executor = "containerd-shim-spin") =>
        cluster.Resources.SpinApps(group).CreateAsync(App(group, ns, name, replicas, executor));

    private static SpinApp App(string group, string ns, string name, int replicas = 1, string executor = "containerd-shim-spin") => new()
    {
        ApiVersion = group + "/v1alpha1",
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new SpinAppSpec { Image = Image, Replicas = replicas, Executor = executor },
    };

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<string[]> RunAsync(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} {arguments}: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
