namespace Spindle.Toml.Tests.Conformance;

/// <summary>Enumerates toml-test cases (../shared/testdata/toml-test or SPINDLE_TOML_TEST_DIR) as theory data.</summary>
internal static class TomlTestSuite
{
    public static string Directory => Requirements.TomlTestDir ?? "(toml-test not found)";

    /// <summary>Case names relative to the suite ("valid/array/nested"), one per .toml file, sorted.</summary>
    public static TheoryData<string> Cases(string kind)
    {
        var data = new TheoryData<string>();
        var root = Requirements.TomlTestDir;
        if (root is null)
        {
            // Keeps the theory discoverable; it is skipped (or, under CI, fails) by RequiresTheory.
            data.Add($"{kind}/(toml-test not found)");
            return data;
        }

        var files = System.IO.Directory.GetFiles(Path.Combine(root, kind), "*.toml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            data.Add(Path.ChangeExtension(Path.GetRelativePath(root, file), null).Replace('\\', '/'));
        }

        return data;
    }

    public static string PathOf(string name, string extension) => Path.Combine(Directory, name + extension);
}
