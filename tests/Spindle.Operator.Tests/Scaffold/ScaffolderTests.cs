using Spindle.Operator.Scaffold;

namespace Spindle.Operator.Tests.Scaffold;

// Mirrors spin-plugin-kube's scaffold_test.go: TestScaffoldOutput, TestValidateImageReference_ValidImageReference,
// TestGetNameFromImageReference, TestFlagValidation.
public class ScaffolderTests
{
    private const string Image = "ghcr.io/foo/example-app:v0.1.0";

    public static TheoryData<string, ScaffoldOptions> GoldenCases()
    {
        var runtimeConfig = File.ReadAllBytes(Golden.Path("runtime-config.toml"));
        var autoscaled = new ScaffoldOptions { From = Image, CpuLimit = "100m", MemoryLimit = "128Mi", MaxReplicas = 3 };
        return new TheoryData<string, ScaffoldOptions>
        {
            { "scaffold_image.yml", new ScaffoldOptions { From = Image } },
            { "scaffold_runtime_config.yml", new ScaffoldOptions { From = Image, RuntimeConfig = runtimeConfig } },
            { "azure_workload_identity.yml", new ScaffoldOptions { From = Image, AzureIdentity = true } },
            { "one_image_secret.yml", new ScaffoldOptions { From = Image, RuntimeConfig = runtimeConfig, ImagePullSecrets = ["secret-name"] } },
            {
                "multiple_image_secrets.yml",
                new ScaffoldOptions { From = Image, RuntimeConfig = runtimeConfig, ImagePullSecrets = ["secret-name", "secret-name-2"] }
            },
            { "service_account_name.yml", new ScaffoldOptions { From = Image, ServiceAccountName = "my-service-account" } },
            { "no_service_account_name.yml", new ScaffoldOptions { From = Image, ServiceAccountName = "" } },
            { "hpa_service_account.yml", autoscaled with { Autoscaler = "hpa", ServiceAccountName = "my-service-account" } },
            { "hpa_autoscaler.yml", autoscaled with { Autoscaler = "hpa" } },
            { "keda_autoscaler.yml", autoscaled with { Autoscaler = "keda" } },
            {
                "variables.yml",
                new ScaffoldOptions { From = Image, Variables = new Dictionary<string, string> { ["foo"] = "yoo", ["bar"] = "yee" } }
            },
            { "components.yml", new ScaffoldOptions { From = Image, Components = ["hello", "world"] } },
        };
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Render_MatchesGoldenFile(string golden, ScaffoldOptions options)
    {
        Assert.Equal(Golden.Read(golden), Scaffolder.Render(options));
    }

    [Fact]
    public void Render_RequestsWithLimits_EmitsBoth()
    {
        var yaml = Scaffolder.Render(new ScaffoldOptions { From = Image, CpuLimit = "1", CpuRequest = "100m", MemoryRequest = "64Mi" });

        Assert.EndsWith("  resources:\n    limits:\n      cpu: 1\n    requests:\n      cpu: 100m\n      memory: 64Mi\n", yaml);
    }

    [Fact]
    public void Render_RequestsWithoutLimits_OmitsResources()
    {
        var yaml = Scaffolder.Render(new ScaffoldOptions { From = Image, CpuRequest = "100m" });

        Assert.DoesNotContain("resources", yaml);
    }

    [Theory]
    [InlineData("bacongobbler/hello-rust", "hello-rust")]
    [InlineData("bacongobbler/hello-rust:v1.0.0", "hello-rust")]
    [InlineData("ghcr.io/bacongobbler/hello-rust", "hello-rust")]
    [InlineData("ghcr.io/bacongobbler/hello-rust:v1.0.0", "hello-rust")]
    [InlineData("ghcr.io/spinkube/spinkube/runtime-class-manager:v1", "runtime-class-manager")]
    [InlineData("nginx:latest", "nginx")]
    [InlineData("nginx", "nginx")]
    [InlineData("localhost:5000/app:1", "app")]
    [InlineData("ttl.sh/hello-spinkube@sha256:cc4b191d11728b4e9e024308f0c03aded893da2002403943adc9deb8c4ca1644", "hello-spinkube")]
    public void ImageReference_Valid_YieldsName(string reference, string name)
    {
        Assert.True(ImageReference.TryParse(reference, out var parsed));
        Assert.Equal(name, parsed!.Name);
    }

    [Theory]
    [InlineData("invalid image reference!")]
    [InlineData("")]
    [InlineData("ghcr.io/Foo/app")]
    [InlineData("app:")]
    [InlineData("app@sha256:abc")]
    public void ImageReference_Invalid_IsRejected(string reference)
    {
        Assert.False(ImageReference.TryParse(reference, out _));
    }

    [Theory]
    [InlineData("hpa")]
    [InlineData("keda")]
    public void Validate_ValidAutoscalingOptions_ReportsNothing(string autoscaler)
    {
        var options = new ScaffoldOptions
        {
            From = Image, Replicas = 2, MaxReplicas = 5, Autoscaler = autoscaler, CpuLimit = "50m", MemoryLimit = "100Mi",
            AutoscalerTargetCpuUtilization = 1, AutoscalerTargetMemoryUtilization = 1,
        };

        Assert.Empty(Scaffolder.Validate(options));
    }

    public static TheoryData<ScaffoldOptions, string> InvalidCases()
    {
        var hpa = new ScaffoldOptions { From = Image, Autoscaler = "hpa", CpuLimit = "50m", MemoryLimit = "100Mi" };
        return new TheoryData<ScaffoldOptions, string>
        {
            { new ScaffoldOptions { From = Image, Replicas = -1 }, "the minimum replica count (-1) must be greater than 0" },
            { new ScaffoldOptions { From = "invalid image reference!" }, "invalid image reference provided: 'invalid image reference!'" },
            { hpa with { Autoscaler = "invalid" }, "invalid autoscaler type 'invalid'; the autoscaler type must be either 'hpa' or 'keda'" },
            { hpa with { MaxReplicas = -1, Replicas = 0 }, "the maximum replica count (-1) must be equal to or greater than 0" },
            { hpa with { Replicas = 5, MaxReplicas = 2 }, "the minimum replica count (5) must be less than or equal to the maximum replica count (2)" },
            { hpa with { CpuLimit = "" }, "cpu limits must be set when autoscaling is enabled" },
            { hpa with { MemoryLimit = "" }, "memory limits must be set when autoscaling is enabled" },
            { hpa with { AutoscalerTargetCpuUtilization = 0 }, "target cpu utilization percentage (0) must be between 1 and 100" },
            { hpa with { AutoscalerTargetMemoryUtilization = 101 }, "target memory utilization percentage (101) must be between 1 and 100" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_InvalidOption_ReportsPluginMessage(ScaffoldOptions options, string message)
    {
        // All problems are reported at once; each case has exactly one, except max < 0, which also breaks min <= max.
        Assert.Contains(message, Scaffolder.Validate(options));
    }

    [Fact]
    public void Render_SeveralProblems_ReportsAllAtOnce()
    {
        var error = Assert.Throws<ScaffoldException>(() => Scaffolder.Render(new ScaffoldOptions { From = Image, Autoscaler = "hpa" }));

        Assert.Equal(
            ["cpu limits must be set when autoscaling is enabled", "memory limits must be set when autoscaling is enabled"],
            error.Errors);
    }
}
