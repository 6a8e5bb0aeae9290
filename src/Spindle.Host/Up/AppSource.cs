using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;

namespace Spindle.Host.Up;

/// <summary>
/// Resolves <c>-f/--from</c> as <c>spin up</c> does for local apps: a spin.toml, a directory holding one, or a locked
/// app JSON (<c>spin.lock</c>, <c>*.json</c>); none → <c>spin.toml</c> in the current directory.
/// </summary>
internal static class AppSource
{
    public const string DefaultManifestFile = "spin.toml";

    /// <summary>The locked app (component files copied under <paramref name="filesRoot"/>, as Spin copies them) and its directory (where <c>.spin/logs</c> goes). Throws Spin's exceptions or <see cref="SpinHostException"/>.</summary>
    public static (LockedApp App, string AppDirectory, SpinManifest? Manifest) Load(string? from, string workingDirectory, string filesRoot)
    {
        var path = Path.GetFullPath(from ?? DefaultManifestFile, workingDirectory);
        if (Directory.Exists(path))
        {
            var inDirectory = Path.Combine(path, DefaultManifestFile);
            if (!File.Exists(inDirectory))
            {
                throw new SpinHostException($"no {DefaultManifestFile} in directory '{from}': pass the manifest with -f PATH/spin.toml");
            }

            path = inDirectory;
        }
        else if (!File.Exists(path))
        {
            throw new SpinHostException(from is null
                ? $"Default file '{DefaultManifestFile}' found neither in the current directory nor given with -f; run `spindle up -f PATH` or `spindle new`"
                : $"'{from}' does not exist: pass a spin.toml, a directory containing one, or a locked app JSON with -f");
        }

        var directory = Path.GetDirectoryName(path)!;
        if (IsLockedJson(path))
        {
            return (LockedApp.FromFile(path), directory, null);
        }

        var manifest = SpinManifest.Load(path);
        var app = ManifestLocker.Lock(manifest, new LockOptions { FilesMountRoot = filesRoot });
        return (app, directory, manifest);
    }

    private static bool IsLockedJson(string path)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".lock", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        using var file = File.OpenRead(path);
        int b;
        while ((b = file.ReadByte()) is ' ' or '\n' or '\r' or '\t')
        {
        }

        return b == '{';
    }
}
