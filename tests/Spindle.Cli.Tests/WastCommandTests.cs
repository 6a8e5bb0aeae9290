using System.CommandLine;

namespace Spindle.Cli.Tests;

public sealed class WastCommandTests
{
    [Fact]
    public void MissingFile_IsOneClearErrorLine_AndFails()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = SpindleCommand.Create().Parse(["wast", "/nonexistent/missing.wast"]).Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(1, code);
        Assert.Equal("Error: '/nonexistent/missing.wast' does not exist: pass the path of a .wast script or of the .json wast2json writes.", error.ToString().Trim());
    }

    [Fact]
    public void Directory_IsNamedAsADirectory()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var directory = Path.GetTempPath().TrimEnd('/');

        var code = SpindleCommand.Create().Parse(["wast", directory]).Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(1, code);
        Assert.StartsWith($"Error: '{directory}' is a directory: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NonPositiveTimeout_IsAnError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = SpindleCommand.Create().Parse(["wast", "--timeout", "0", "x.wast"]).Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.NotEqual(0, code);
        Assert.StartsWith("Error: --timeout 0:", error.ToString(), StringComparison.Ordinal);
    }
}
