using System.CommandLine;

namespace Spindle.Cli.Tests.Kube;

public sealed class KubeCommandTests
{
    private const string Image = "ghcr.io/foo/example-app:v0.1.0";

    [Theory]
    [InlineData("scaffold")]
    [InlineData("deploy", "--dry-run", "-n", "default")]
    public async Task MissingFrom_IsOneCobraErrorLine(params string[] arguments)
    {
        var (code, output, error) = await InvokeAsync(["kube", .. arguments]);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal("Error: required flag(s) \"from\" not set" + Environment.NewLine, error);
    }

    [Fact]
    public async Task Scaffold_InvalidImageReference_PluginMessage()
    {
        var (code, _, error) = await InvokeAsync(["kube", "scaffold", "-f", "INVALID::ref"]);

        Assert.Equal(1, code);
        Assert.Equal("Error: invalid image reference provided: 'INVALID::ref'" + Environment.NewLine, error);
    }

    [Fact]
    public async Task Deploy_InvalidImageReference_PluginMessage()
    {
        var (code, _, error) = await InvokeAsync(["kube", "deploy", "-f", "BAD REF", "--dry-run", "-n", "default"]);

        Assert.Equal(1, code);
        Assert.Equal("Error: invalid image reference provided: 'BAD REF'" + Environment.NewLine, error);
    }

    [Fact]
    public async Task Scaffold_ReplicasAboveMaxWithAutoscaler_PluginMessage()
    {
        var (code, output, error) = await InvokeAsync(
            ["kube", "scaffold", "-f", Image, "--autoscaler", "hpa", "--cpu-limit", "100m", "--memory-limit", "128Mi", "-r", "5", "--max-replicas", "2"]);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal(
            "Error: the minimum replica count (5) must be less than or equal to the maximum replica count (2)" + Environment.NewLine, error);
    }

    [Theory]
    [InlineData("novalue", "Error: invalid argument \"novalue\" for \"-v, --variable\" flag: novalue must be formatted as key=value")]
    [InlineData("=x", "Error: invalid argument \"=x\" for \"-v, --variable\" flag: the variable name before '=' must not be empty")]
    public async Task Scaffold_BadVariable_OneErrorLine(string variable, string message)
    {
        var (code, output, error) = await InvokeAsync(["kube", "scaffold", "-f", Image, "-v", variable]);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal(message + Environment.NewLine, error);
    }

    [Fact]
    public async Task Scaffold_SeveralProblems_AllReportedAtOnce()
    {
        var (code, _, error) = await InvokeAsync(["kube", "scaffold", "-f", Image, "-v", "=x", "--autoscaler", "hpa"]);

        Assert.Equal(1, code);
        Assert.Equal(
            [
                "Error: invalid argument \"=x\" for \"-v, --variable\" flag: the variable name before '=' must not be empty",
                "Error: cpu limits must be set when autoscaling is enabled",
                "Error: memory limits must be set when autoscaling is enabled",
            ],
            error.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task Scaffold_RuntimeConfigIsADirectory_OneErrorLineNoStackTrace()
    {
        var (code, _, error) = await InvokeAsync(["kube", "scaffold", "-f", Image, "-c", Path.GetTempPath()]);

        Assert.Equal(1, code);
        Assert.StartsWith("Error: cannot read runtime config file", error, StringComparison.Ordinal);
        Assert.Contains("it is a directory", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Scaffold_OutInMissingDirectory_OneErrorLineNoStackTrace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spindle-missing-{Guid.NewGuid():N}", "app.yaml");

        var (code, _, error) = await InvokeAsync(["kube", "scaffold", "-f", Image, "-o", path]);

        Assert.Equal(1, code);
        Assert.StartsWith($"Error: cannot write the manifest to '{path}'", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    private static async Task<(int Code, string Output, string Error)> InvokeAsync(string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SpindleCommand.Create().Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
