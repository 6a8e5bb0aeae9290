using Spindle.Spin.Manifest;

namespace Spindle.Spin.Locked;

/// <summary>
/// Resolves a component's <c>files</c> (globs, paths and <c>{ source, destination }</c>) minus <c>exclude_files</c>,
/// as Spin's local loader does when it copies them into the component's mount directory.
/// </summary>
public static class ComponentFiles
{
    private const string LearnMore = "Learn more: https://spinframework.dev/writing-apps#including-files-with-components";

    /// <summary>Every file, ordered by guest path; throws <see cref="LockedAppException"/> listing every problem.</summary>
    public static IReadOnlyList<ResolvedFile> Resolve(ManifestComponent component, string appDirectory)
    {
        var appRoot = Path.GetFullPath(appDirectory);
        var excludes = component.ExcludeFiles.Select(FileGlob.ForExclude).ToArray();
        var files = new SortedDictionary<string, ResolvedFile>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var mount in component.Files)
        {
            try
            {
                if (mount.Pattern is { } pattern) AddPattern(pattern, appRoot, excludes, files);
                else AddPlacement(mount.Source!, mount.Destination!, appRoot, excludes, files);
            }
            catch (LockedAppException e)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count > 0) throw new LockedAppException(string.Join("\n", errors));
        return [.. files.Values];
    }

    private static void AddPattern(string pattern, string appRoot, FileGlob[] excludes, SortedDictionary<string, ResolvedFile> files)
    {
        if (pattern is ".." || pattern.EndsWith("/..", StringComparison.Ordinal))
        {
            throw new LockedAppException($"A file pattern can't end in a parent directory path (..)\nIf you want to include a directory, use source-destination form, or a glob pattern ending in **/*.\n{LearnMore}");
        }

        if (pattern is "." || pattern.EndsWith("/.", StringComparison.Ordinal))
        {
            throw new LockedAppException($"A file pattern can't end in a current directory path (.)\nIf you want to include a directory, use source-destination form, or a glob pattern ending in **/*.\n{LearnMore}");
        }

        var path = Path.GetFullPath(Path.Combine(appRoot, pattern));
        if (File.Exists(path))
        {
            Add(path, Relative(appRoot, path, pattern), appRoot, excludes, files, checkExclude: false);
        }
        else if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                Add(file, Relative(appRoot, file, pattern), appRoot, excludes, files, checkExclude: true);
            }
        }
        else if (FileGlob.LooksLikeGlob(pattern))
        {
            var glob = FileGlob.ForFiles(pattern);
            var start = Path.GetFullPath(Path.Combine(appRoot, glob.LiteralPrefix));
            if (!Directory.Exists(start)) return;
            foreach (var file in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories))
            {
                var relative = Relative(appRoot, file, pattern);
                if (glob.IsMatch(relative)) Add(file, relative, appRoot, excludes, files, checkExclude: true);
            }
        }
        else
        {
            throw new LockedAppException($"{RustDebug.String(pattern)} does not exist and doesn't appear to be a glob pattern");
        }
    }

    private static void AddPlacement(string source, string destination, string appRoot, FileGlob[] excludes, SortedDictionary<string, ResolvedFile> files)
    {
        var path = Path.GetFullPath(Path.Combine(appRoot, source));
        var guestRoot = destination.TrimStart('/');
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                var inside = Path.GetRelativePath(path, file).Replace('\\', '/');
                Relative(appRoot, file, source);
                Add(file, guestRoot.Length == 0 ? inside : $"{guestRoot.TrimEnd('/')}/{inside}", appRoot, excludes, files, checkExclude: true);
            }
        }
        else if (File.Exists(path))
        {
            if (guestRoot.Length == 0 || destination.EndsWith('/') || destination.EndsWith('.'))
            {
                throw new LockedAppException($"\"{destination}\" is not a valid destination file name");
            }

            Add(path, guestRoot, appRoot, excludes, files, checkExclude: false);
        }
        else
        {
            throw new LockedAppException($"File or directory {RustDebug.String(source)} does not exist");
        }
    }

    private static void Add(string file, string guestPath, string appRoot, FileGlob[] excludes, SortedDictionary<string, ResolvedFile> files, bool checkExclude)
    {
        if (checkExclude)
        {
            var relative = Path.GetRelativePath(appRoot, file).Replace('\\', '/');
            foreach (var exclude in excludes)
            {
                if (exclude.IsMatch(relative)) return;
            }
        }

        files[guestPath] = new ResolvedFile(file, guestPath);
    }

    private static string Relative(string appRoot, string file, string pattern)
    {
        var relative = Path.GetRelativePath(appRoot, file).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new LockedAppException($"{pattern} cannot be mapped because it is outside the application directory. Files must be within the application directory.");
        }

        return relative;
    }
}
