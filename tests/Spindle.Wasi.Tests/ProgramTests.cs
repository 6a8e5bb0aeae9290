namespace Spindle.Wasi.Tests;

/// <summary>The C programs under Programs/, run through wasi-libc: stdout, stderr and exit codes.</summary>
public sealed class ProgramTests
{
    [Fact]
    public void Hello_WritesStdoutAndStderr_AndExitsZero()
    {
        var result = ProgramRunner.Run("hello");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello from wasi\n", result.Stdout);
        Assert.Equal("to stderr\n", result.Stderr);
    }

    [Fact]
    public void ArgsAndEnvironment_AreWhatTheEmbedderPassed()
    {
        var result = ProgramRunner.Run("args_env", new WasiConfiguration
        {
            Arguments = ["args_env.wasm", "one", "two words", ""],
            Environment = ["GREETING=hi there", "EMPTY="],
        });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["argc=4", "argv[0]=args_env.wasm", "argv[1]=one", "argv[2]=two words", "argv[3]=", "env GREETING=hi there", "env EMPTY=", "getenv=hi there"],
            result.Lines);
    }

    [Fact]
    public void Environment_IsEmpty_WhenNoneIsGiven()
    {
        var result = ProgramRunner.Run("args_env");

        Assert.Equal(["argc=1", "argv[0]=args_env.wasm", "getenv=(null)"], result.Lines);
    }

    [Theory]
    [InlineData("exit", 42)]
    [InlineData("raw", 3)]
    [InlineData("return", 7)]
    [InlineData("exit", 0)]
    public void ExitCode_IsTheGuestsCode(string how, int code)
    {
        var result = ProgramRunner.Run("exit_code", new WasiConfiguration { Arguments = ["exit_code.wasm", how, code.ToString()] });

        Assert.Equal(code, result.ExitCode);
        Assert.Equal("before exit\n", result.Stdout);
    }

    [Fact]
    public void Trap_IsATrapNotAnExit()
    {
        var trap = Assert.Throws<Spindle.Wasm.TrapException>(() =>
            ProgramRunner.Run("exit_code", new WasiConfiguration { Arguments = ["exit_code.wasm", "trap", "1"] }));

        Assert.Equal(Spindle.Wasm.TrapKind.Unreachable, trap.Kind);
    }

    [Fact]
    public void Stdin_FromTheEmbedder_IsReadToTheEnd()
    {
        var result = ProgramRunner.Run("stdio", stdin: "request body\nline two");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("REQUEST BODY\nLINE TWO", result.Stdout);
    }

    [Fact]
    public void Files_AllChecksPass_AndTheDirectoryIsCleanedUp()
    {
        using var dir = ProgramRunner.TempDir();

        var result = ProgramRunner.Run("files", new WasiConfiguration { Preopens = [new WasiPreopen(dir.Path, "/sandbox")] });

        Assert.DoesNotContain("FAIL", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("readdir: . .. b.txt hard.txt sym\n", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("failures=0\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void ClocksRandomAndPoll_AllChecksPass()
    {
        var result = ProgramRunner.Run("clocks");

        Assert.DoesNotContain("FAIL", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ok poll waited 20ms", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
    }
}
