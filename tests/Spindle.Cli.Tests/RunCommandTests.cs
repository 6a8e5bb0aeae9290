using System.CommandLine;
using System.Text;

namespace Spindle.Cli.Tests;

public sealed class RunCommandTests
{
    private static readonly string Fib = Path.Combine(TestEnvironment.RepoRoot, "samples", "fib", "fib.wasm");
    private static readonly string Trap = Path.Combine(AppContext.BaseDirectory, "Fixtures", "trap.wasm");

    [Fact]
    public void Invoke_PrintsEachResultOnItsOwnLine()
    {
        var (code, output, error) = Run(Fib, "fib", "30");

        Assert.Equal(0, code);
        Assert.Equal("832040" + Environment.NewLine, output);
        Assert.Empty(error);
    }

    [Fact]
    public void Trap_PrintsMessageAndWasmStack_AndExitsWithTrapCode()
    {
        var (code, _, error) = Run(Trap, "boom");

        Assert.Equal(RunCommand.TrapExitCode, code);
        Assert.Contains("wasm trap: unreachable", error, StringComparison.Ordinal);
        Assert.Contains("    at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DivideByZero_IsATrapNotAHostCrash()
    {
        var (code, _, error) = Run(Trap, "div", "1", "0");

        Assert.Equal(RunCommand.TrapExitCode, code);
        Assert.Contains("integer divide by zero", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsOneClearLine()
    {
        var (code, _, error) = Run("/nonexistent/app.wasm", "fib", "1");

        Assert.Equal(1, code);
        Assert.StartsWith("Error: '/nonexistent/app.wasm' does not exist", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void InvalidFile_NamesTheProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spindle-invalid-{Guid.NewGuid():N}.wasm");
        File.WriteAllBytes(path, [0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00]);
        try
        {
            var (code, _, error) = Run(path, "fib", "1");

            Assert.Equal(1, code);
            Assert.Contains("version", error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NotWasm_SaysSoAndHowToFix()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spindle-notwasm-{Guid.NewGuid():N}.wasm");
        File.WriteAllText(path, "hello\n");
        try
        {
            var (code, _, error) = Run(path, "fib", "1");

            Assert.Equal(1, code);
            Assert.StartsWith($"Error: '{path}' is not a valid WebAssembly module (", error, StringComparison.Ordinal);
            Assert.Contains("pass a .wasm file", error, StringComparison.Ordinal);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DirThatIsAFile_SaysItIsAFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"spindle-notadir-{Guid.NewGuid():N}");
        File.WriteAllText(file, "x");
        try
        {
            var (code, _, error) = RunWasi(new RunArguments { File = Program("hello"), Dirs = [file] });

            Assert.Equal(1, code);
            Assert.Contains($"--dir '{file}': host directory '{file}' is a file, not a directory", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("nope", "fib", "exports no function 'nope'")]
    [InlineData("fib", "x", "argument 1 'x' is not a valid i32")]
    public void BadInvocation_SaysWhatIsWrong(string function, string argument, string expected)
    {
        var (code, _, error) = Run(Fib, function, argument);

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void WasiProgram_ArgvZeroIsTheFileName_AndTheExitCodeIsTheGuests()
    {
        var (code, stdout, _) = RunWasi(new RunArguments { File = Program("exit_code"), Args = ["exit", "42"] });

        Assert.Equal(42, code);
        Assert.Equal("before exit\n", stdout);
    }

    [Fact]
    public void WasiProgram_GetsEnvAndArgs_IncludingOptionLikeOnesAfterTheFile()
    {
        var parsed = RunArguments.Parse(["--env", "GREETING=hi", "--env=X=1", Program("args_env"), "--dir", "-x"], out var problem);
        Assert.Null(problem);

        var (code, stdout, _) = RunWasi(parsed!);

        Assert.Equal(0, code);
        Assert.Equal("argc=3\nargv[0]=args_env.wasm\nargv[1]=--dir\nargv[2]=-x\nenv GREETING=hi\nenv X=1\ngetenv=hi\n", stdout);
    }

    [Fact]
    public void WasiProgram_SeesOnlyItsPreopen()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"spindle-run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var (code, stdout, _) = RunWasi(new RunArguments { File = Program("files"), Dirs = [dir + "::/sandbox"] });

            Assert.Equal(0, code);
            Assert.EndsWith("failures=0\n", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void WasiProgram_Trap_ExitsWithTrapCodeAndStack()
    {
        var (code, _, error) = RunWasi(new RunArguments { File = Program("exit_code"), Args = ["trap", "1"] });

        Assert.Equal(RunCommand.TrapExitCode, code);
        Assert.Contains("wasm trap: unreachable", error, StringComparison.Ordinal);
        Assert.Contains("    at main", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDirAndEnv_AreAllReportedAtOnce()
    {
        var (code, _, error) = RunWasi(new RunArguments { File = Program("hello"), Dirs = ["/nonexistent-dir::/x"], Env = ["=v"] });

        Assert.Equal(1, code);
        Assert.Contains("--dir '/nonexistent-dir::/x': host directory '/nonexistent-dir' does not exist", error, StringComparison.Ordinal);
        Assert.Contains("--env '=v': the variable name is empty", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "missing the module to run")]
    [InlineData(new[] { "--dir" }, "option --dir needs a value")]
    [InlineData(new[] { "--bogus", "x.wasm" }, "unknown option '--bogus'")]
    public void Parse_BadCommandLine_SaysWhatIsWrong(string[] tokens, string expected)
    {
        Assert.Null(RunArguments.Parse(tokens, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLine_ExitCodeFlowsThroughSpindle()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = SpindleCommand.Create().Parse(["run", Program("exit_code"), "raw", "5"]).Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(5, code);
    }

    private static string Program(string name) => Path.Combine(TestEnvironment.RepoRoot, "tests", "Spindle.Wasi.Tests", "Programs", name + ".wasm");

    private static (int Code, string Stdout, string Error) RunWasi(RunArguments arguments)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        using var error = new StringWriter();
        var code = RunCommand.Run(arguments, TextWriter.Null, error, (new MemoryStream(), stdout, stderr));
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), error.ToString());
    }

    private static (int Code, string Output, string Error) Run(string file, string function, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RunCommand.Run(new FileInfo(file), function, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
