using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary>
/// A Spin application manifest (spin.toml) in the version 2 model; version 1 manifests are converted on load.
/// Load with <see cref="Load"/> or <see cref="Parse"/>: they validate as Spin does and throw one
/// <see cref="ManifestException"/> listing every error with its line and column.
/// </summary>
public sealed class SpinManifest
{
    /// <summary>The manifest file, when loaded from one.</summary>
    public string? SourcePath { get; init; }

    /// <summary>1 when the file was a version 1 manifest (converted), else 2.</summary>
    public int OriginalVersion { get; init; } = 2;

    public AppDetails Application { get; init; } = new();

    public IReadOnlyDictionary<string, ManifestVariable> Variables { get; init; } = new Dictionary<string, ManifestVariable>();

    /// <summary>All triggers in document order (grouped by type as written).</summary>
    public IReadOnlyList<ManifestTrigger> Triggers { get; init; } = [];

    public IReadOnlyDictionary<string, ManifestComponent> Components { get; init; } = new Dictionary<string, ManifestComponent>();

    /// <summary>Deprecations and other non-fatal findings (Spin prints these as warnings).</summary>
    public IReadOnlyList<ManifestError> Warnings { get; init; } = [];

    /// <summary>The directory the manifest's relative paths are resolved against.</summary>
    public string? AppDirectory => SourcePath is null ? null : Path.GetDirectoryName(Path.GetFullPath(SourcePath));

    /// <summary>Reads and validates a manifest file (or <c>spin.toml</c> in a directory).</summary>
    public static SpinManifest Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ManifestException("\"\"", "Failed to read Spin app manifest: the path is empty. Pass a spin.toml file or its directory with -f");
        }

        if (Directory.Exists(path)) path = Path.Combine(path, "spin.toml");
        var name = path; // errors name the file as the user gave it (bad/spin.toml:1:13), not just spin.toml
        byte[] utf8;
        try
        {
            // Bytes, not text: TOML must be valid UTF-8, and File.ReadAllText would silently replace bad bytes.
            utf8 = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ManifestException(path, "Failed to read Spin app manifest: the file does not exist. Run in the app's directory or pass its spin.toml (or directory) with -f", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(path, $"Failed to read Spin app manifest: {e.Message}", e);
        }

        return ManifestParser.Parse(TomlInput.Parse(utf8, name, errors => new ManifestException(errors)), name, path);
    }

    /// <summary>Parses and validates manifest text; <paramref name="sourceName"/> names the file in errors.</summary>
    public static SpinManifest Parse(string text, string sourceName = "spin.toml", string? path = null) =>
        ManifestParser.Parse(TomlInput.Parse(text, sourceName, errors => new ManifestException(errors)), sourceName, path);

    /// <summary>
    /// The components' build settings read leniently (Spin builds even when other parts of the manifest are
    /// invalid): null when the manifest is not TOML or its <c>build</c> tables themselves are invalid.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, ComponentBuild?>>? TryReadBuildSettings(string path)
    {
        if (Directory.Exists(path)) path = Path.Combine(path, "spin.toml");
        try
        {
            return ManifestParser.ParseBuildOnly(TomlDocument.Parse(File.ReadAllBytes(path), Path.GetFileName(path)), Path.GetFileName(path));
        }
        catch (Exception e) when (e is TomlException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The trigger types used, in order of first appearance.</summary>
    public IReadOnlyList<string> TriggerTypes
    {
        get
        {
            var types = new List<string>();
            foreach (var trigger in Triggers)
            {
                if (!types.Contains(trigger.Type)) types.Add(trigger.Type);
            }

            return types;
        }
    }
}
