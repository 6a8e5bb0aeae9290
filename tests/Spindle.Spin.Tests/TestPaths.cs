namespace Spindle.Spin.Tests;

internal static class TestPaths
{
    public static string Fixtures { get; } = Path.Combine(TestEnvironment.RepoRoot, "tests", "Spindle.Spin.Tests", "Fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);
}
