namespace Spindle.Operator.Tests;

/// <summary>Golden files committed beside the tests (tests/Spindle.Operator.Tests/Golden).</summary>
internal static class Golden
{
    public static string Dir => System.IO.Path.Combine(TestEnvironment.RepoRoot, "tests", "Spindle.Operator.Tests", "Golden");

    public static string Path(string name) => System.IO.Path.Combine(Dir, name);

    public static string Read(string name) => File.ReadAllText(Path(name));
}
