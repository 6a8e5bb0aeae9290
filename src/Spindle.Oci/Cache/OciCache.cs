namespace Spindle.Oci.Cache;

/// <summary>
/// The local content-addressed cache, in Spin's layout so either tool can read it:
/// <c>&lt;root&gt;/registry/{manifests/&lt;registry&gt;/&lt;repository&gt;/&lt;tag&gt;/{manifest.json,config.json}, wasm/&lt;digest&gt;, data/&lt;digest&gt;}</c>.
/// Content lands by rename from a staging directory on the same volume, so a reader never sees a partial file and
/// concurrent pulls of the same content both succeed.
/// </summary>
public sealed class OciCache
{
    public const string ManifestFile = "manifest.json";
    public const string ConfigFile = "config.json";

    public OciCache(string root)
    {
        Root = Path.GetFullPath(root);
        RegistryDirectory = Path.Combine(Root, "registry");
    }

    /// <summary>The cache root: <c>$XDG_CACHE_HOME/spindle</c> (or ~/.cache/spindle) unless given.</summary>
    public string Root { get; }

    public string RegistryDirectory { get; }

    public string ManifestsDirectory => Path.Combine(RegistryDirectory, "manifests");

    public string WasmDirectory => Path.Combine(RegistryDirectory, "wasm");

    public string DataDirectory => Path.Combine(RegistryDirectory, "data");

    public static OciCache FromEnvironment()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
        return new OciCache(Path.Combine(root, "spindle"));
    }

    public string WasmPath(string digest) => Path.Combine(WasmDirectory, Digests.FileName(digest));

    public string DataPath(string digest) => Path.Combine(DataDirectory, Digests.FileName(digest));

    /// <summary>A cached wasm file (looking in data too, where unknown media types go), or null.</summary>
    public string? TryGetWasmFile(string digest)
    {
        var path = WasmPath(digest);
        if (File.Exists(path)) return path;
        path = DataPath(digest);
        return File.Exists(path) ? path : null;
    }

    public string? TryGetDataFile(string digest)
    {
        var path = DataPath(digest);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Where a reference's manifest.json and config.json live: by tag (Spin's layout), else by digest.</summary>
    public string ManifestDirectory(ImageReference reference)
    {
        var last = reference.Tag ?? Digests.FileName(reference.Digest!).Replace(':', '_');
        var registry = OperatingSystem.IsWindows() ? reference.Registry.Replace(':', '_') : reference.Registry;
        return Path.Combine([ManifestsDirectory, registry, .. reference.Repository.Split('/'), last]);
    }

    internal string CreateStagingDirectory()
    {
        // A sibling of wasm/ and data/ (same volume, so commits are renames), one per pull: nothing shared to clean up.
        var path = Path.Combine(RegistryDirectory, ".staging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Moves a verified staged file to its content-addressed place; equal content already there wins.</summary>
    internal static void Commit(string staged, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (File.Exists(destination))
        {
            File.Delete(staged);
            return;
        }

        File.Move(staged, destination, overwrite: true);
    }

    /// <summary>Writes a file by temp file and rename, so readers see the old or the new content, never a mix.</summary>
    internal static async Task WriteAtomicAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp";
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
