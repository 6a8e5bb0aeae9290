using Spindle.Cli.Wast;

namespace Spindle.Wasm.SpecTests;

/// <summary>The judge judged: Scripts/judge.wast expects wrong things on purpose, and each must be reported.</summary>
public sealed class WastRunnerTests
{
    private static string Script => Path.Combine(AppContext.BaseDirectory, "Scripts", "judge.wast");

    [RequiresFact(Requirement.Wast2Json)]
    public void RunFile_ReportsEachWrongExpectation()
    {
        using var harness = new WastHarness(commandTimeout: TimeSpan.FromSeconds(1));

        var result = harness.RunFile(Script);

        var lines = new List<int>();
        foreach (var failure in result.Failures) lines.Add(failure.Line);
        // The lines marked "fail" in judge.wast (wrong value, NaN class, -0, host reference, no trap, another
        // trap, interrupted loop, valid module, linkable module).
        Assert.Equal([14, 17, 19, 22, 25, 26, 27, 32, 34], lines);
        Assert.Equal(16, result.Passed);
        Assert.Equal(1, result.Skipped);
    }

    [RequiresFact(Requirement.Wast2Json)]
    public void RunFile_InterruptsALoopAtTheCommandTimeout()
    {
        using var harness = new WastHarness(commandTimeout: TimeSpan.FromSeconds(1));

        var result = harness.RunFile(Script);

        var spin = Assert.Single(result.Failures, f => f.Command.Contains("\"spin\"", StringComparison.Ordinal));
        Assert.Contains(nameof(TrapKind.Interrupted), spin.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunFile_ReportsAFileWast2JsonCannotConvert()
    {
        var bad = Path.Combine(Path.GetTempPath(), "spindle-bad-" + Guid.NewGuid().ToString("N") + ".wast");
        File.WriteAllText(bad, "(module (func $f (i32.bogus)))");
        try
        {
            using var harness = new WastHarness();

            var result = harness.RunFile(bad);

            Assert.Equal(1, result.Failed);
            Assert.Equal("convert", result.Failures[0].Command);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void RunFile_ReportsAJsonFileThatIsNotAScript()
    {
        var bad = Path.Combine(Path.GetTempPath(), "spindle-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(bad, "{\"commands\": [ {\"type\": ");
        try
        {
            using var harness = new WastHarness();

            var result = harness.RunFile(bad);

            Assert.Equal("load", Assert.Single(result.Failures).Command);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
