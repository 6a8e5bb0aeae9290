using System.Text;
using System.Text.Json;
using Spindle.Kubernetes.Models.Admission;
using Spindle.Operator.Admission;
using Spindle.Operator.Api;

namespace Spindle.Operator.Tests.Admission;

// spin-operator: TestCreateSpinAppWithNoExecutor, TestCreateSpinAppWithSingleExecutor, TestCreateSpinAppWithMultipleExecutors,
// TestCreateInvalidSpinApp, TestDefaultNothingToSet.
public class AdmissionHandlerTests
{
    private static AdmissionReview Review(string kind, string json, string group = SpinKube.Group, string operation = "CREATE") => new()
    {
        Request = new AdmissionRequest
        {
            Uid = "u1",
            Kind = new GroupVersionKind { Group = group, Version = "v1alpha1", Kind = kind },
            Namespace = "default",
            Operation = operation,
            Object = JsonSerializer.Deserialize<JsonElement>(json),
        },
    };

    private static string App(string executor, int replicas = 2) =>
        $$$"""{"apiVersion":"core.spinkube.dev/v1alpha1","kind":"SpinApp","metadata":{"name":"spinapp","namespace":"default"},"spec":{"image":"x","executor":"{{{executor}}}","replicas":{{{replicas}}}}}""";

    [Fact]
    public async Task Mutate_NoExecutorsInstalled_LeavesItEmptyAndValidationRejects()
    {
        var handler = new AdmissionHandler(new FakeExecutors());

        var mutated = await handler.HandleAsync(Review("SpinApp", App("")), mutate: true, CancellationToken.None);
        var validated = await handler.HandleAsync(Review("SpinApp", App("")), mutate: false, CancellationToken.None);

        Assert.True(mutated.Allowed);
        Assert.Null(mutated.Patch);
        Assert.False(validated.Allowed);
        Assert.Equal(422, validated.Result!.Code);
        Assert.Equal(
            "SpinApp.core.spinkube.dev \"spinapp\" is invalid: spec.executor: Invalid value: \"\": executor must be set, likely no default executor was set because you have no executors installed",
            validated.Result.Message);
        Assert.Equal("spec.executor", validated.Result.Details!.Causes![0].Field);
    }

    [Fact]
    public async Task Mutate_SingleExecutor_IsDefaultedAndReplicasKept()
    {
        var handler = new AdmissionHandler(new FakeExecutors().Add("cyclotron"));

        var response = await handler.HandleAsync(Review("SpinApp", App("")), mutate: true, CancellationToken.None);

        Assert.Equal("JSONPatch", response.PatchType);
        Assert.Equal("[{\"op\":\"add\",\"path\":\"/spec/executor\",\"value\":\"cyclotron\"}]", Encoding.UTF8.GetString(response.Patch!));
    }

    [Fact]
    public async Task Mutate_MultipleExecutors_PicksAlphabeticallyFirstAcrossNamespaces()
    {
        var handler = new AdmissionHandler(new FakeExecutors().Add("cyclotron").Add("containerd-shim-spin", "other").Add("zeta"));

        var response = await handler.HandleAsync(Review("SpinApp", App("")), mutate: true, CancellationToken.None);

        Assert.Contains("\"value\":\"containerd-shim-spin\"", Encoding.UTF8.GetString(response.Patch!));
    }

    [Fact]
    public async Task Mutate_ExecutorSet_NothingToDefault()
    {
        var handler = new AdmissionHandler(new FakeExecutors().Add("a"));

        var response = await handler.HandleAsync(Review("SpinApp", App("containerd-shim-spin")), mutate: true, CancellationToken.None);

        Assert.True(response.Allowed);
        Assert.Null(response.Patch);
    }

    [Fact]
    public async Task Validate_NegativeReplicas_Rejected()
    {
        var handler = new AdmissionHandler(new FakeExecutors().Add("containerd-shim-spin"));

        var response = await handler.HandleAsync(Review("SpinApp", App("containerd-shim-spin", -1)), mutate: false, CancellationToken.None);

        Assert.False(response.Allowed);
        Assert.EndsWith("spec.replicas: Invalid value: -1: replicas must be > 0", response.Result!.Message);
    }

    [Fact]
    public async Task Validate_ExecutorOfOtherGroup_DoesNotCount()
    {
        var handler = new AdmissionHandler(new FakeExecutors().Add("containerd-shim-spin", group: SpinKube.LegacyGroup));

        var response = await handler.HandleAsync(Review("SpinApp", App("containerd-shim-spin")), mutate: false, CancellationToken.None);

        Assert.False(response.Allowed);
        Assert.Contains("executor does not exist in namespace", response.Result!.Message);
    }

    [Fact]
    public async Task Validate_LegacyGroup_NamesItsGroupInTheMessage()
    {
        var handler = new AdmissionHandler(new FakeExecutors());

        var response = await handler.HandleAsync(Review("SpinApp", App(""), SpinKube.LegacyGroup), mutate: false, CancellationToken.None);

        Assert.StartsWith("SpinApp.core.spinoperator.dev \"spinapp\" is invalid: ", response.Result!.Message);
    }

    [Fact]
    public async Task Validate_Executor_BothRuntimeClassAndSpinImage_Rejected()
    {
        var handler = new AdmissionHandler(new FakeExecutors());
        const string executor = """{"metadata":{"name":"e"},"spec":{"createDeployment":true,"deploymentConfig":{"runtimeClassName":"foo","spinImage":"bar"}}}""";

        var response = await handler.HandleAsync(Review("SpinAppExecutor", executor), mutate: false, CancellationToken.None);

        Assert.Equal(
            "SpinAppExecutor.core.spinkube.dev \"e\" is invalid: spec.deploymentConfig.runtimeClassName: Invalid value: \"foo\": runtimeClassName and spinImage are mutually exclusive",
            response.Result!.Message);
    }

    [Fact]
    public async Task Validate_Delete_IsAllowed()
    {
        var handler = new AdmissionHandler(new FakeExecutors());

        var response = await handler.HandleAsync(Review("SpinApp", App(""), operation: "DELETE"), mutate: false, CancellationToken.None);

        Assert.True(response.Allowed);
        Assert.Equal("u1", response.Uid);
    }

    [Fact]
    public void WebhookPaths_MatchControllerRuntime()
    {
        Assert.Equal("/mutate-core-spinkube-dev-v1alpha1-spinapp", WebhookPaths.For(true, SpinKube.Group, "SpinApp"));
        Assert.Equal("/validate-core-spinkube-dev-v1alpha1-spinappexecutor", WebhookPaths.For(false, SpinKube.Group, "SpinAppExecutor"));
        Assert.Equal("/validate-core-spinoperator-dev-v1alpha1-spinapp", WebhookPaths.For(false, SpinKube.LegacyGroup, "SpinApp"));
    }
}
