using System.Text;
using Spindle.Host.Execution;

namespace Spindle.Host.Tests.Server;

public sealed class ComponentStdioTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spindle-stdio-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_AppendsToSpinLogLayout()
    {
        var stdio = new ComponentStdio(_directory);

        stdio.Write("api", "stderr", "one\n"u8);
        stdio.Write("api", "stderr", "two\n"u8);

        Assert.Equal("one\ntwo\n", File.ReadAllText(Path.Combine(_directory, "api_stderr.txt")));
    }

    [Theory]
    [InlineData("api", "api says hi\n")]
    [InlineData("*", "api says hi\n")]
    [InlineData("other", "")]
    public void Write_CopiesFollowedComponentsToTerminal(string follow, string expected)
    {
        using var terminal = new StringWriter();
        var stdio = new ComponentStdio(_directory, new HashSet<string> { follow }, terminal);

        stdio.Write("api", "stderr", Encoding.UTF8.GetBytes("api says hi\n"));

        Assert.Equal(expected, terminal.ToString());
    }
}
