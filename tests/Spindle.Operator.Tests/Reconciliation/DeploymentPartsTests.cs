using System.Text.Json;
using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Api;
using Spindle.Operator.Reconciliation;

namespace Spindle.Operator.Tests.Reconciliation;

// spin-operator deployment_test.go: TestConstructRuntimeConfigSecretMount_Contract, TestConstructCASecretMount,
// TestConstructVolumeMountsForApp_Contract, TestConstructEnvForApp, TestSpinHealthCheckToCoreProbe.
public class DeploymentPartsTests
{
    private static readonly ExecutorDeploymentConfig Shim = new() { RuntimeClassName = "wasmtime-spin-v2" };

    [Fact]
    public void RuntimeConfigMount_IsOptionalAndNamedSpin()
    {
        var (volumes, mounts) = SpinAppDeployment.ConstructVolumeMounts(Apps.Minimal(), "app-1", null);

        var volume = Assert.Single(volumes);
        Assert.StartsWith("spin-", volume.Name);
        Assert.True(volume.Secret!.Optional);
        var mount = Assert.Single(mounts);
        Assert.Equal(("spin-runtime-config", true, "/runtime-config.toml", "runtime-config.toml"), (mount.Name, mount.ReadOnly, mount.MountPath, mount.SubPath));
    }

    [Fact]
    public void VolumeMounts_BothRuntimeSecrets_Throws()
    {
        var app = Apps.Minimal();
        app.Spec.RuntimeConfig = new RuntimeConfig { LoadFromSecret = "mine" };

        var error = Assert.Throws<ReconcileException>(() => SpinAppDeployment.ConstructVolumeMounts(app, "app-1", null));

        Assert.Equal("cannot specify both a user-provided runtime secret and a generated one", error.Message);
    }

    [Fact]
    public void VolumeMounts_NoSecrets_Empty()
    {
        var (volumes, mounts) = SpinAppDeployment.ConstructVolumeMounts(Apps.Minimal(), null, null);

        Assert.Empty(volumes);
        Assert.Empty(mounts);
    }

    [Fact]
    public void VolumeMounts_UserSecretAndUserVolumesAndCa_InReferenceOrder()
    {
        var app = Apps.Minimal();
        app.Spec.RuntimeConfig = new RuntimeConfig { LoadFromSecret = "mine" };
        var pvc = JsonSerializer.Deserialize<JsonElement>("{\"claimName\":\"c\"}");
        app.Spec.Volumes = [new Volume { Name = "example-volume", Other = new Dictionary<string, JsonElement> { ["persistentVolumeClaim"] = pvc } }];
        app.Spec.VolumeMounts = [new VolumeMount { Name = "example-volume", MountPath = "/mnt/data" }];

        var (volumes, mounts) = SpinAppDeployment.ConstructVolumeMounts(app, null, "spin-ca");

        Assert.Equal(["spin-runtime-config", "example-volume", "spin-ca"], volumes.Select(v => v.Name));
        Assert.Equal("mine", volumes[0].Secret!.SecretName);
        Assert.Equal(["spin-runtime-config", "example-volume", "spin-ca"], mounts.Select(m => m.Name));
        Assert.Contains("\"persistentVolumeClaim\":{\"claimName\":\"c\"}", JsonSerializer.Serialize(volumes[1], OperatorJsonContext.Default.Options));
    }

    [Theory]
    [InlineData("simple_secret_with_static_value", "SPIN_VARIABLE_SIMPLE_SECRET_WITH_STATIC_VALUE")]
    [InlineData("simple_secret_with_numb3rs", "SPIN_VARIABLE_SIMPLE_SECRET_WITH_NUMB3RS")]
    public void Env_VariableNames_AreUpperCasedWithPrefix(string name, string expected)
    {
        var app = Apps.Minimal();
        app.Spec.Variables = [new SpinVar { Name = name, Value = "v" }];

        var env = SpinAppDeployment.ConstructEnv(app, Shim);

        Assert.Equal((expected, "v"), (env[0].Name, env[0].Value));
    }

    [Fact]
    public void Env_SecretAndFieldRefValues_ArePassedThrough()
    {
        var app = Apps.Minimal();
        app.Spec.Variables =
        [
            new SpinVar { Name = "simple_secret_with_secret_value", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "s", Key = "k", Optional = true } } },
            new SpinVar { Name = "pod_attribute_value", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } },
        ];

        var env = SpinAppDeployment.ConstructEnv(app, Shim);

        Assert.Equal("s", env[0].ValueFrom!.SecretKeyRef!.Name);
        Assert.Null(env[0].Value);
        Assert.Equal("metadata.name", env[1].ValueFrom!.FieldRef!.FieldPath);
    }

    [Fact]
    public void Env_FullOrder_VariablesListenOtelMemoryComponents()
    {
        var app = Apps.Minimal();
        app.Spec.Variables = [new SpinVar { Name = "greetee", Value = "SpinKube" }];
        app.Spec.InvocationLimits = new Dictionary<string, string> { ["memory"] = "40M" };
        app.Spec.Components = ["hello"];
        var config = new ExecutorDeploymentConfig
        {
            RuntimeClassName = "x",
            Otel = new OtelConfig { ExporterOtlpEndpoint = "http://otel:4318", ExporterOtlpLogsEndpoint = "http://logs", ExporterOtlpMetricsEndpoint = "" },
        };

        var env = SpinAppDeployment.ConstructEnv(app, config);

        Assert.Equal(
            [
                ("SPIN_VARIABLE_GREETEE", "SpinKube"), ("SPIN_HTTP_LISTEN_ADDR", "0.0.0.0:80"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318"),
                ("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs"), ("SPIN_MAX_INSTANCE_MEMORY", "40000000"), ("SPIN_COMPONENTS_TO_RETAIN", "hello"),
            ],
            env.Select(e => (e.Name, e.Value!)));
    }

    [Theory]
    [InlineData("128Mi", "134217728")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("0.5Gi", "536870912")]
    [InlineData("1e3", "1000")]
    [InlineData("100m", "1")]
    public void Env_MemoryInvocationLimit_IsBytes(string quantity, string bytes)
    {
        var app = Apps.Minimal();
        app.Spec.InvocationLimits = new Dictionary<string, string> { ["memory"] = quantity };

        Assert.Equal(bytes, SpinAppDeployment.ConstructEnv(app, Shim).Single(e => e.Name == "SPIN_MAX_INSTANCE_MEMORY").Value);
    }

    [Fact]
    public void Env_BadMemoryInvocationLimit_Throws()
    {
        var app = Apps.Minimal();
        app.Spec.InvocationLimits = new Dictionary<string, string> { ["memory"] = "lots" };

        Assert.Throws<ReconcileException>(() => SpinAppDeployment.ConstructEnv(app, Shim));
    }

    [Fact]
    public void Probe_None_IsNull()
    {
        Assert.Null(SpinAppDeployment.ToProbe(null));
    }

    [Fact]
    public void Probe_MissingHttpGet_Throws()
    {
        var error = Assert.Throws<ReconcileException>(() => SpinAppDeployment.ToProbe(new HealthProbe()));

        Assert.Equal("probe exists but with unknown configuration, expected httpGet", error.Message);
    }

    [Fact]
    public void Probe_Full_CopiesTimingsOnPort80()
    {
        var check = new HealthProbe
        {
            HttpGet = new HttpHealthProbe { Path = "/healthz", HttpHeaders = [new HttpHealthProbeHeader { Name = "X", Value = "y" }] },
            InitialDelaySeconds = 5, TimeoutSeconds = 2, PeriodSeconds = 7, SuccessThreshold = 1, FailureThreshold = 4,
        };

        var probe = SpinAppDeployment.ToProbe(check)!;

        Assert.Equal(("/healthz", 80), (probe.HttpGet!.Path, probe.HttpGet.Port.Number));
        Assert.Equal(("X", "y"), (probe.HttpGet.HttpHeaders![0].Name, probe.HttpGet.HttpHeaders[0].Value));
        Assert.Equal((5, 2, 7, 1, 4), (probe.InitialDelaySeconds, probe.TimeoutSeconds, probe.PeriodSeconds, probe.SuccessThreshold, probe.FailureThreshold));
    }
}
