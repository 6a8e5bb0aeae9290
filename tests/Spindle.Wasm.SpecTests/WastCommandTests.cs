using System.CommandLine;
using Spindle.Cli;

namespace Spindle.Wasm.SpecTests;

/// <summary><c>spindle wast</c>: a line per file, a totals line last, and the exit code.</summary>
public sealed class WastCommandTests
{
    private static string Script => Path.Combine(AppContext.BaseDirectory, "Scripts", "judge.wast");

    [RequiresFact(Requirement.Wast2Json)]
    public void Wast_WithFailures_PrintsCountsAndExitsNonZero()
    {
        var (exitCode, lines, _) = Run("wast", "--timeout", "1", Script);

        Assert.Equal(1, exitCode);
        Assert.Equal(["judge.wast: 16 passed, 9 failed, 1 skipped", "16 passed, 9 failed, 1 skipped"], lines);
    }

    [RequiresFact(Requirement.Wast2Json)]
    public void Wast_Verbose_PrintsEachFailureWithItsLine()
    {
        var (_, lines, _) = Run("wast", "-v", "--timeout", "1", Script);

        Assert.Equal(1 + 9 + 1, lines.Length);
        Assert.StartsWith("  judge.wast:14: assert_return invoke \"add\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("expected [i32:4 (0x00000004)], got [i32:3 (0x00000003)]", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Wast_MissingFile_CountsAsFailure()
    {
        var (exitCode, lines, error) = Run("wast", "/nonexistent/x.wast");

        Assert.Equal(1, exitCode);
        Assert.Equal(["0 passed, 1 failed"], lines);
        Assert.StartsWith("Error: '/nonexistent/x.wast' does not exist: pass the path of a .wast script", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string[] Lines, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = SpindleCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }
}
