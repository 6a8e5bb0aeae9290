namespace Spindle.Wasm.SpecTests;

/// <summary>
/// Which files of the WebAssembly 2.0 spec suite (../shared/testdata/wasm-spec, 148 .wast files) the tests run,
/// and which they do not and why. Both lists may only shrink.
/// </summary>
internal static class SpecSuite
{
    /// <summary>
    /// Files not run. SIMD (58 files, simd_*.wast) is a later issue: the decoder rejects 0xFD opcodes. The
    /// other seven use text syntax newer than Debian's wast2json 1.0.32 (verified by running it on every file;
    /// <see cref="SpecSuiteTests.SkipList_UnconvertibleFilesStillFailToConvert"/> keeps checking).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Skipped = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // wast2json aborts: assertion `!tokens_.empty()` in WastParser::Consume (raw control bytes in block comments).
        ["comments.wast"] = "wast2json 1.0.32 crashes on it",
        // Folded `if` with several condition expressions, e.g. (if (i32.const 1) (i32.eqz) (then) (else)), line 533.
        ["if.wast"] = "wast2json 1.0.32: unexpected token (, expected )",
        // table.fill/get/grow/set/size with the table index left out (shorthand added to the spec tests later).
        ["table_fill.wast"] = "wast2json 1.0.32: table.fill without a table index",
        ["table_get.wast"] = "wast2json 1.0.32: table.get without a table index",
        ["table_grow.wast"] = "wast2json 1.0.32: table.grow without a table index",
        ["table_set.wast"] = "wast2json 1.0.32: table.set without a table index",
        ["table_size.wast"] = "wast2json 1.0.32: table.size without a table index",
    };

    /// <summary>Files whose name starts with this are SIMD tests (a later issue).</summary>
    public const string SimdPrefix = "simd_";

    /// <summary>
    /// Files where the engine still fails some commands: the most failures allowed (measured) and why. A file
    /// here may fail at most that many; lower the count (or remove the file) when the engine improves.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (int MaxFailures, string Reason)> KnownFailures =
        new Dictionary<string, (int, string)>(StringComparer.Ordinal)
        {
        };

    /// <summary>
    /// The pass rate over every executed command (modules, registrations, actions and assertions; text-format
    /// assert_malformed is skipped) of the convertible non-SIMD files must stay at least this. Issue 2's target is
    /// 99.5%; on 2026-11-21, the day the suite first ran, all 27,028 executed commands of the 83 files passed
    /// (557 skipped), so the minimum is 100% and KnownFailures is empty.
    /// </summary>
    public const double MinimumPassRate = 1.0;

    /// <summary>The convertible non-SIMD .wast files (83 in the pinned suite), sorted.</summary>
    public static IReadOnlyList<string> Files(string directory)
    {
        var files = new List<string>();
        foreach (var path in Directory.GetFiles(directory, "*.wast"))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith(SimdPrefix, StringComparison.Ordinal) || Skipped.ContainsKey(name)) continue;
            files.Add(name);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
