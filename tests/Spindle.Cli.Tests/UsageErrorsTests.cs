namespace Spindle.Cli.Tests;

public sealed class UsageErrorsTests
{
    [Theory]
    [InlineData(new[] { "kube", "scaffold", "-f", "ghcr.io/a/b:1", "-r", "abc" }, "'abc'", "spindle kube scaffold --help")]
    [InlineData(new[] { "up", "--listen" }, "--listen", "spindle up --help")]
    [InlineData(new[] { "nonsense" }, "nonsense", "spindle --help")]
    public void UsageError_IsErrorLinesAndAPointerToHelp(string[] args, string named, string help)
    {
        var parse = SpindleCommand.Create().Parse(args);
        using var error = new StringWriter();

        var code = UsageErrors.Report(parse, error);

        var lines = error.ToString().TrimEnd().Split('\n');
        Assert.Equal(UsageErrors.ExitCode, code);
        Assert.All(lines[..^1], line => Assert.StartsWith("Error: ", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(named, StringComparison.Ordinal));
        Assert.Equal($"Run '{help}' for usage.", lines[^1]);
    }
}
