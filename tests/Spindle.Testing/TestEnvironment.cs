namespace Spindle.Testing;

/// <summary>Where the tests find the repository, ../shared and external tools.</summary>
public static class TestEnvironment
{
    /// <summary>True under CI (CI=true): missing test data or tools then fail instead of skipping.</summary>
    public static bool IsCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository root (the folder holding Spindle.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// A folder of shared test data: the environment variable when set, else ../shared/&lt;relative&gt; beside the
    /// repository; null when neither exists.
    /// </summary>
    public static string? SharedData(string environmentVariable, string relativeToShared)
    {
        var fromEnv = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Directory.Exists(fromEnv) ? fromEnv : null;
        }

        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", relativeToShared));
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindTool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spindle.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException($"Spindle.slnx not found above {AppContext.BaseDirectory}.");
    }
}
