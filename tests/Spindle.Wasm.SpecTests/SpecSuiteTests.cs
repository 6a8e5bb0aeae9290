using Spindle.Cli.Wast;
using Xunit.Abstractions;

namespace Spindle.Wasm.SpecTests;

/// <summary>
/// The WebAssembly 2.0 spec suite, one case per .wast file, through the runner behind <c>spindle wast</c>.
/// Run one file: <c>dotnet test tests/Spindle.Wasm.SpecTests --filter "DisplayName~i32.wast"</c>.
/// </summary>
public sealed class SpecSuiteTests(SpecSuiteFixture fixture, ITestOutputHelper output) : IClassFixture<SpecSuiteFixture>
{
    private const int MaxFailuresPrinted = 40;

    public static TheoryData<string> SpecFiles()
    {
        var data = new TheoryData<string>();
        if (Requirements.WasmSpecDir is { } directory)
        {
            foreach (var file in SpecSuite.Files(directory)) data.Add(file);
        }
        else
        {
            data.Add("(spec suite not found)"); // skipped by the attribute; a theory needs at least one row
        }

        return data;
    }

    [RequiresTheory(Requirement.WasmSpecSuite, Requirement.Wast2Json)]
    [MemberData(nameof(SpecFiles))]
    public void Script_PassesEveryCommand(string file)
    {
        var allowed = SpecSuite.KnownFailures.TryGetValue(file, out var known) ? known.MaxFailures : 0;
        foreach (var configuration in (SpecConfiguration[])[SpecConfiguration.Default, SpecConfiguration.EpochInterruption, SpecConfiguration.Outlined])
        {
            var result = fixture.Run(SpecDirectory, file, configuration);
            output.WriteLine($"[{configuration}]");
            Print(result);
            if (result.Failed < allowed) output.WriteLine($"{file}: {result.Failed} failures, fewer than the {allowed} known: lower SpecSuite.KnownFailures");
            Assert.True(result.Failed <= allowed, $"{result} with {configuration}; allowed {allowed} (SpecSuite.KnownFailures). First failure: {FirstFailure(result)}");
        }
    }

    [RequiresFact(Requirement.WasmSpecSuite, Requirement.Wast2Json)]
    public void Suite_PassRateMeetsTheMinimum()
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var file in SpecSuite.Files(SpecDirectory))
        {
            var result = fixture.Run(SpecDirectory, file);
            output.WriteLine(result.ToString());
            passed += result.Passed;
            failed += result.Failed;
            skipped += result.Skipped;
        }

        var rate = (double)passed / Math.Max(1, passed + failed);
        output.WriteLine(WastFileResult.Format("total: ", passed, failed, skipped) + $" ({rate:P2} passed)");
        Assert.True(rate >= SpecSuite.MinimumPassRate, $"pass rate {rate:P3} is below the minimum {SpecSuite.MinimumPassRate:P1}");
    }

    [RequiresFact(Requirement.WasmSpecSuite, Requirement.Wast2Json)]
    public void SkipList_NamesExistingFiles()
    {
        foreach (var file in SpecSuite.Skipped.Keys) Assert.True(File.Exists(Path.Combine(SpecDirectory, file)), $"{file} is in the skip list but not in the suite");
        foreach (var file in SpecSuite.KnownFailures.Keys) Assert.Contains(file, SpecSuite.Files(SpecDirectory));
    }

    /// <summary>When a newer wast2json converts one of these files, it leaves the skip list and runs.</summary>
    [RequiresFact(Requirement.WasmSpecSuite, Requirement.Wast2Json)]
    public void SkipList_UnconvertibleFilesStillFailToConvert()
    {
        var temp = Path.Combine(Path.GetTempPath(), "spindle-spec-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in SpecSuite.Skipped.Keys)
            {
                Assert.Throws<WastConversionException>(() => Wast2Json.Convert(Path.Combine(SpecDirectory, file), temp));
            }
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    private static string SpecDirectory => Requirements.WasmSpecDir ?? throw new InvalidOperationException("spec suite not found");

    private void Print(WastFileResult result)
    {
        output.WriteLine(result.ToString());
        for (var i = 0; i < result.Failures.Count && i < MaxFailuresPrinted; i++) output.WriteLine("  " + result.Failures[i]);
        if (result.Failures.Count > MaxFailuresPrinted) output.WriteLine($"  ... and {result.Failures.Count - MaxFailuresPrinted} more (spindle wast -v {result.Name})");
    }

    private static string FirstFailure(WastFileResult result) => result.Failures.Count > 0 ? result.Failures[0].ToString() : "(none)";
}
