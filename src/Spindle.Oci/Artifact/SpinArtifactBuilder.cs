using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spindle.Oci.Manifest;

namespace Spindle.Oci.Artifact;

/// <summary>
/// Lays out a locked app as Spin's OCI artifact (spin crates/oci/src/client.rs <c>push_locked_core</c>). The input is
/// plain data: the locked-app JSON whose component sources, dependency sources and file mounts are <c>file://</c>
/// URLs (what a loader writes with copied file mounts). Each wasm becomes a layer, each file a data layer (or one
/// archive layer per mount), small content is inlined, identical layers are pushed once, and the rewritten locked
/// app is the last layer, named by the config's <c>com.fermyon.spin.lockedAppDigest</c> label.
/// </summary>
internal sealed partial class SpinArtifactBuilder
{
    public const string LockedAppDigestLabel = "com.fermyon.spin.lockedAppDigest";

    internal static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SpinArtifactOptions _options;
    private readonly List<string> _errors = [];
    private readonly List<ArtifactLayer> _layers = [];
    private readonly HashSet<(string, string)> _seen = [];
    private string? _tempDirectory;

    private SpinArtifactBuilder(SpinArtifactOptions options) => _options = options;

    /// <summary>Builds the artifact; every problem with the input is reported at once in one exception.</summary>
    public static async Task<SpinArtifact> BuildAsync(ReadOnlyMemory<byte> lockedAppJson, SpinArtifactOptions options, CancellationToken cancellationToken)
    {
        var simple = new SpinArtifactBuilder(options);
        var artifact = await simple.BuildAsync(lockedAppJson, options.ArchiveLayers, cancellationToken);
        // Spin falls back to archive layers when one layer per file would pass the registries' limit
        // (one slot is kept for the locked-app layer).
        if (!options.ArchiveLayers && artifact.Layers.Count > OciImageManifest.MaxLayers)
        {
            artifact.Dispose();
            artifact = await new SpinArtifactBuilder(options).BuildAsync(lockedAppJson, archive: true, cancellationToken);
        }

        if (artifact.Layers.Count > OciImageManifest.MaxLayers)
        {
            artifact.Dispose();
            throw new OciException(OciErrorKind.TooManyLayers,
                $"the application needs {artifact.Layers.Count} layers even with archive layers; registries accept at most {OciImageManifest.MaxLayers}: reduce the number of components");
        }

        return artifact;
    }

    private async Task<SpinArtifact> BuildAsync(ReadOnlyMemory<byte> json, bool archive, CancellationToken cancellationToken)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json.Span) as JsonObject ?? throw Input("the locked app is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Input($"the locked app is not valid JSON: {e.Message}");
        }

        if (root["components"] is not JsonArray components) throw Input("the locked app has no \"components\" array");
        try
        {
            var index = 0;
            foreach (var node in components)
            {
                if (node is not JsonObject component)
                {
                    _errors.Add($"components[{index++}] is not an object");
                    continue;
                }

                var id = component["id"]?.GetValue<string>() ?? $"components[{index}]";
                index++;
                if (component["source"] is JsonObject source)
                {
                    await WasmSourceAsync(source, $"component \"{id}\" source", cancellationToken);
                }
                else
                {
                    _errors.Add($"component \"{id}\" has no source");
                }

                if (component["dependencies"] is JsonObject dependencies)
                {
                    // Spindle does not compose components, so dependencies travel as their own layers (Spin's --compose=false layout).
                    foreach (var (name, dependency) in dependencies)
                    {
                        if (dependency?["source"] is JsonObject dependencySource)
                        {
                            await WasmSourceAsync(dependencySource, $"component \"{id}\" dependency \"{name}\" source", cancellationToken);
                        }
                    }
                }

                if (component["files"] is JsonArray files)
                {
                    component["files"] = await FilesAsync(files, id, archive, cancellationToken);
                }
            }

            if (_errors.Count > 0)
            {
                throw Input("cannot push the application:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", _errors));
            }

            if (root["metadata"] is JsonObject metadata)
            {
                metadata.Remove("origin");
                if (metadata.Count == 0) root.Remove("metadata");
            }

            var locked = JsonSerializer.SerializeToUtf8Bytes(root, CompactJson);
            var lockedLayer = ArtifactLayer.FromBytes(MediaTypes.SpinApplication, locked);
            var layers = new List<ArtifactLayer>(_layers) { lockedLayer };
            var config = ArtifactLayer.FromBytes(MediaTypes.OciConfig, ConfigJson(lockedLayer.Descriptor.Digest));
            var descriptors = new List<OciDescriptor>(layers.Count);
            foreach (var layer in layers) descriptors.Add(layer.Descriptor);
            var manifest = new OciImageManifest(config.Descriptor, descriptors) { Annotations = Annotations(root) };
            return new SpinArtifact(manifest, config, layers, locked, _tempDirectory);
        }
        catch
        {
            if (_tempDirectory is not null && Directory.Exists(_tempDirectory)) Directory.Delete(_tempDirectory, recursive: true);
            throw;
        }
    }

    private async Task WasmSourceAsync(JsonObject source, string what, CancellationToken cancellationToken)
    {
        var path = FilePath(source["source"], what);
        if (path is null) return;
        if (!File.Exists(path))
        {
            _errors.Add($"{what}: file {path} not found (build the app first: spindle build)");
            return;
        }

        if (!await HasWasmMagicAsync(path, cancellationToken))
        {
            _errors.Add($"{what}: {path} is not a Wasm module or component (it does not start with \\0asm)");
            return;
        }

        var (digest, size) = await Digests.Sha256FileAsync(path, cancellationToken);
        var contentType = source["content_type"]?.DeepClone();
        source.Clear();
        if (contentType is not null) source["content_type"] = contentType;
        if (size <= _options.InlineMaxSize) source["inline"] = InlineContent.Encode(await File.ReadAllBytesAsync(path, cancellationToken));
        source["digest"] = digest;
        // Wasm is always pushed, even when inlined: Spin's loader reads component sources from the layer.
        Add(new ArtifactLayer(new OciDescriptor(MediaTypes.WasmLayer, digest, size), path, null));
    }

    private void Add(ArtifactLayer layer)
    {
        if (_seen.Add((layer.Descriptor.Digest, layer.Descriptor.MediaType))) _layers.Add(layer);
    }

    private string? FilePath(JsonNode? url, string what)
    {
        if (url is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            _errors.Add($"{what} has no file source (push needs a locked app loaded from spin.toml, not one already pushed)");
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            _errors.Add($"{what} \"{text}\" is not a file:// URL");
            return null;
        }

        return uri.LocalPath;
    }

    private static async Task<bool> HasWasmMagicAsync(string path, CancellationToken cancellationToken)
    {
        var magic = new byte[4];
        await using var stream = File.OpenRead(path);
        return await stream.ReadAtLeastAsync(magic, 4, throwOnEndOfStream: false, cancellationToken) == 4
            && magic is [0x00, 0x61, 0x73, 0x6d];
    }

    private static OciException Input(string message) => new(OciErrorKind.InvalidInput, message);
}
