using Spindle.Operator.Admission;
using Spindle.Operator.Api;

namespace Spindle.Operator.Tests.Admission;

// spin-operator webhook tests: TestValidateExecutor, TestValidateReplicas, TestValidateAnnotations,
// TestValidateInvocationLimits, TestValidateRuntimeClassAndSpinImage.
public class SpinAppValidatorTests
{
    private static readonly SpinAppExecutor Shim = Apps.ShimExecutor();

    [Fact]
    public void Validate_ValidApp_NoErrors()
    {
        Assert.Empty(SpinAppValidator.Validate(Apps.Minimal(), Shim));
    }

    [Fact]
    public void Validate_NoExecutor_ReferenceMessage()
    {
        var app = Apps.Minimal();
        app.Spec.Executor = "";

        var error = Assert.Single(SpinAppValidator.Validate(app, null));

        Assert.Equal(
            "spec.executor: Invalid value: \"\": executor must be set, likely no default executor was set because you have no executors installed",
            error.ToString());
    }

    [Fact]
    public void Validate_UnknownExecutor_ReferenceMessage()
    {
        var app = Apps.Minimal();
        app.Spec.Executor = "nope";

        Assert.Equal("spec.executor: Invalid value: \"nope\": executor does not exist in namespace", Assert.Single(SpinAppValidator.Validate(app, null)).ToString());
    }

    [Theory]
    [InlineData(false, 0, "spec.replicas: Invalid value: 0: replicas must be > 0")]
    [InlineData(false, -1, "spec.replicas: Invalid value: -1: replicas must be > 0")]
    [InlineData(true, 3, "spec.replicas: Invalid value: 3: replicas cannot be set when autoscaling is enabled")]
    public void Validate_Replicas_ReferenceMessages(bool autoscaling, int replicas, string message)
    {
        var app = Apps.Minimal();
        app.Spec.EnableAutoscaling = autoscaling;
        app.Spec.Replicas = replicas;

        Assert.Equal(message, Assert.Single(SpinAppValidator.Validate(app, Shim)).ToString());
    }

    [Fact]
    public void Validate_AutoscalingWithoutReplicas_Ok()
    {
        var app = Apps.Minimal();
        app.Spec.EnableAutoscaling = true;
        app.Spec.Replicas = 0;

        Assert.Empty(SpinAppValidator.Validate(app, Shim));
    }

    [Fact]
    public void Validate_AnnotationsWithExternalExecutor_ReferenceMessages()
    {
        var app = Apps.Minimal();
        app.Spec.DeploymentAnnotations = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };
        app.Spec.PodAnnotations = new Dictionary<string, string> { ["x"] = "y" };
        var external = Apps.ShimExecutor();
        external.Spec.CreateDeployment = false;

        var errors = SpinAppValidator.Validate(app, external).Select(e => e.ToString());

        Assert.Equal(
            [
                "spec.deploymentAnnotations: Invalid value: map[string]string{\"a\":\"1\", \"b\":\"2\"}: deploymentAnnotations can't be set when the executor does not use operator deployments",
                "spec.podAnnotations: Invalid value: map[string]string{\"x\":\"y\"}: podAnnotations can't be set when the executor does not use operator deployments",
            ],
            errors);
        Assert.Empty(SpinAppValidator.Validate(app, Shim));
    }

    [Theory]
    [InlineData("128Mi", null, null, null)]
    [InlineData("lots", null, null, "spec.invocationLimits[memory]: Invalid value: \"lots\": memory limit must be a valid memory quantity (e.g. 128Mi, 1Gi)")]
    [InlineData("256Mi", "128Mi", null, "spec.invocationLimits[memory]: Invalid value: \"256Mi\": invocation limit quantity cannot be greater than the memory limit (128Mi)")]
    [InlineData("256Mi", null, "128Mi", "spec.invocationLimits[memory]: Invalid value: \"256Mi\": invocation limit quantity cannot be greater than the memory request (128Mi)")]
    [InlineData("256Mi", "1Gi", "128Mi", null)]
    [InlineData("128Mi", "128Mi", null, null)]
    public void Validate_InvocationLimits(string memory, string? limit, string? request, string? message)
    {
        var app = Apps.Minimal();
        app.Spec.InvocationLimits = new Dictionary<string, string> { ["memory"] = memory };
        app.Spec.Resources = new SpinAppResources
        {
            Limits = limit is null ? null : new Dictionary<string, string> { ["memory"] = limit },
            Requests = request is null ? null : new Dictionary<string, string> { ["memory"] = request },
        };

        var errors = SpinAppValidator.Validate(app, Shim).Select(e => e.ToString()).ToList();

        if (message is null) Assert.Empty(errors);
        else Assert.Equal([message], errors);
    }

    [Fact]
    public void Validate_SeveralProblems_AllReportedInOneMessage()
    {
        var app = Apps.Minimal("spinapp");
        app.Spec.Executor = "";
        app.Spec.Replicas = -1;

        var message = InvalidObject.Message("SpinApp", SpinKube.Group, "spinapp", SpinAppValidator.Validate(app, null));

        Assert.Equal(
            "SpinApp.core.spinkube.dev \"spinapp\" is invalid: [spec.executor: Invalid value: \"\": executor must be set, likely no default executor was set because you have no executors installed, spec.replicas: Invalid value: -1: replicas must be > 0]",
            message);
    }

    [Theory]
    [InlineData("foo", "bar", "spec.deploymentConfig.runtimeClassName: Invalid value: \"foo\": runtimeClassName and spinImage are mutually exclusive")]
    [InlineData(null, null, "spec.deploymentConfig.runtimeClassName: Invalid value: null: either runtimeClassName or spinImage must be set")]
    [InlineData("foo", null, null)]
    [InlineData(null, "bar", null)]
    public void ValidateExecutor_RuntimeClassAndSpinImage(string? runtimeClass, string? spinImage, string? message)
    {
        var executor = new SpinAppExecutor
        {
            Spec = new SpinAppExecutorSpec { CreateDeployment = true, DeploymentConfig = new ExecutorDeploymentConfig { RuntimeClassName = runtimeClass, SpinImage = spinImage } },
        };

        var errors = SpinAppExecutorValidator.Validate(executor).Select(e => e.ToString()).ToList();

        if (message is null) Assert.Empty(errors);
        else Assert.Equal([message], errors);
    }

    [Fact]
    public void ValidateExecutor_NoDeploymentConfig_Ok()
    {
        Assert.Empty(SpinAppExecutorValidator.Validate(new SpinAppExecutor { Spec = new SpinAppExecutorSpec { CreateDeployment = false } }));
    }
}
