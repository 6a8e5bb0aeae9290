using System.Text.Json.Nodes;
using Spindle.Operator.Crds;

namespace Spindle.Operator.Tests.Crds;

public class CrdGeneratorTests
{
    [Fact]
    public void CommittedCrds_MatchGeneratorOutput()
    {
        var deploy = Path.Combine(TestEnvironment.RepoRoot, "deploy");
        foreach (var (path, yaml) in CrdGenerator.Files())
        {
            var file = Path.Combine(deploy, path);
            Assert.True(File.Exists(file), $"deploy/{path} is missing: run `dotnet run --project src/Spindle.Operator -- generate crds --out deploy`");
            Assert.True(
                File.ReadAllText(file) == yaml,
                $"deploy/{path} drifted from the C# types: run `dotnet run --project src/Spindle.Operator -- generate crds --out deploy`");
        }
    }

    [Fact]
    public void All_ServesBothGroups()
    {
        var names = CrdGenerator.All().Select(c => c["metadata"]!["name"]!.GetValue<string>()).ToList();

        Assert.Equal(
            ["spinapps.core.spinkube.dev", "spinappexecutors.core.spinkube.dev", "spinapps.core.spinoperator.dev", "spinappexecutors.core.spinoperator.dev"],
            names);
    }

    [Fact]
    public void SpinApps_HasReferencePrintColumns()
    {
        var version = CrdGenerator.SpinApps("core.spinkube.dev")["spec"]!["versions"]![0]!;
        var columns = version["additionalPrinterColumns"]!.AsArray()
            .Select(c => $"{c!["name"]}|{c["jsonPath"]}|{c["type"]}|{c["priority"]?.GetValue<int>() ?? 0}")
            .ToList();

        Assert.Equal(
            [
                "Ready|.status.readyReplicas|integer|0", "Desired|.spec.replicas|integer|0", "Executor|.spec.executor|string|0",
                "Deployment|.status.deploymentName|string|1", "Service|.status.serviceName|string|1",
            ],
            columns);
        Assert.Equal("v1alpha1", version["name"]!.GetValue<string>());
        Assert.True(version["served"]!.GetValue<bool>());
        Assert.NotNull(version["subresources"]!["status"]);
    }

    [Fact]
    public void SpinApps_SchemaRequiresExecutorAndImageAndDefaultsProbes()
    {
        var schema = CrdGenerator.SpinApps("core.spinkube.dev")["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
        var spec = schema["properties"]!["spec"]!;
        var probe = spec["properties"]!["checks"]!["properties"]!["readiness"]!["properties"]!;

        Assert.Equal(["executor", "image"], Strings(spec["required"]));
        Assert.Equal(["readyReplicas"], Strings(schema["properties"]!["status"]!["required"]));
        Assert.False(spec["properties"]!["enableAutoscaling"]!["default"]!.GetValue<bool>());
        Assert.Equal(1, spec["properties"]!["components"]!["minItems"]!.GetValue<int>());
        Assert.Equal(10, probe["initialDelaySeconds"]!["default"]!.GetValue<int>());
        Assert.Equal(1, probe["timeoutSeconds"]!["default"]!.GetValue<int>());
        Assert.Equal(10, probe["periodSeconds"]!["default"]!.GetValue<int>());
        Assert.Equal(1, probe["successThreshold"]!["default"]!.GetValue<int>());
        Assert.Equal(3, probe["failureThreshold"]!["default"]!.GetValue<int>());
    }

    [Fact]
    public void SpinAppExecutors_RequiresCreateDeploymentAndHasNoPrintColumns()
    {
        var version = CrdGenerator.SpinAppExecutors("core.spinoperator.dev")["spec"]!["versions"]![0]!;
        var spec = version["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!;

        Assert.Null(version["additionalPrinterColumns"]);
        Assert.Equal(["createDeployment"], Strings(spec["required"]));
        Assert.NotNull(spec["properties"]!["deploymentConfig"]!["properties"]!["otel"]!["properties"]!["exporter_otlp_endpoint"]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("true", "\"true\"")]
    [InlineData("10", "\"10\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("- x", "\"- x\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(".spec.replicas", ".spec.replicas")]
    public void YamlScalar_QuotesOnlyWhenNeeded(string text, string expected)
    {
        Assert.Equal(expected, YamlWriter.Scalar(text));
    }

    [Fact]
    public void YamlWriter_WritesSequencesAtKeyIndent()
    {
        var node = new JsonObject { ["a"] = new JsonArray(new JsonObject { ["b"] = 1, ["c"] = new JsonArray("x") }), ["d"] = new JsonObject() };

        Assert.Equal("a:\n- b: 1\n  c:\n  - x\nd: {}\n", YamlWriter.Write(node));
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
