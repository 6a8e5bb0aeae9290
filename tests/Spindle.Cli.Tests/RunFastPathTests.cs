namespace Spindle.Cli.Tests;

public sealed class RunFastPathTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("up", "app.wasm")]
    [InlineData("run", "--dir", ".", "app.wasm")]
    [InlineData("run", "app.wasm", "--verbose")]
    [InlineData("run", "@args.rsp")]
    [InlineData("run", "[diagram]", "app.wasm")]
    [InlineData("run", "app.wasm", "/?")]
    [InlineData("run", "app.wasm", "")]
    public void TokensTheParserCouldReadDifferently_TakeTheFullParser(params string[] args)
    {
        Assert.False(RunFastPath.TryRun(args, out _));
    }

    [Fact]
    public void PlainRun_IsHandled_WithTheSameExitCodeAsTheParserPath()
    {
        Assert.True(RunFastPath.TryRun(["run", "/nonexistent/app.wasm"], out var code));
        Assert.Equal(1, code);
    }
}
