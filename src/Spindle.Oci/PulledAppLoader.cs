using System.Text.Json;
using System.Text.Json.Nodes;
using Spindle.Oci.Artifact;
using Spindle.Oci.Cache;

namespace Spindle.Oci;

/// <summary>
/// Turns a pulled application back into a runnable locked app (spin crates/oci/src/loader.rs): component and
/// dependency sources point at the cached wasm, each component's files are rebuilt under
/// <c>&lt;working dir&gt;/assets/&lt;component id&gt;/</c> and mounted at "/", and the origin names the reference.
/// </summary>
public static class PulledAppLoader
{
    /// <summary>Spin's origin scheme for apps loaded from a registry.</summary>
    public const string OriginScheme = "vnd.fermyon.origin-oci";

    /// <summary>The locked-app JSON (file:// sources) for a pulled application.</summary>
    public static async Task<byte[]> PrepareAsync(PulledArtifact pulled, OciCache cache, string workingDirectory, CancellationToken cancellationToken)
    {
        if (!pulled.IsApplication)
        {
            throw new OciException(OciErrorKind.InvalidArtifact, $"{pulled.Reference} is a Wasm package, not a Spin application: run its wasm ({pulled.PackageWasmPath}) directly");
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(await File.ReadAllBytesAsync(pulled.LockedAppPath, cancellationToken)) as JsonObject
                ?? throw new OciException(OciErrorKind.InvalidArtifact, $"the locked app of {pulled.Reference} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new OciException(OciErrorKind.InvalidArtifact, $"the locked app of {pulled.Reference} ({pulled.LockedAppPath}) is not valid JSON: {e.Message}", inner: e);
        }

        if (root["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            root["metadata"] = metadata;
        }

        metadata["origin"] = $"{OriginScheme}:{pulled.Reference}";
        foreach (var node in root["components"] as JsonArray ?? [])
        {
            if (node is not JsonObject component) continue;
            var id = component["id"]?.GetValue<string>() ?? "";
            ResolveWasm(component["source"] as JsonObject, cache, pulled, $"component \"{id}\"");
            foreach (var (name, dependency) in component["dependencies"] as JsonObject ?? [])
            {
                ResolveWasm(dependency?["source"] as JsonObject, cache, pulled, $"component \"{id}\" dependency \"{name}\"");
            }

            if (component["files"] is JsonArray { Count: > 0 } files)
            {
                var mount = Path.Combine(Path.GetFullPath(workingDirectory), "assets", id);
                await MaterializeAsync(files, mount, cache, pulled, id, cancellationToken);
                component["files"] = new JsonArray(new JsonObject { ["source"] = new Uri(mount).AbsoluteUri, ["path"] = "/" });
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, SpinArtifactBuilder.CompactJson);
    }

    private static void ResolveWasm(JsonObject? source, OciCache cache, PulledArtifact pulled, string what)
    {
        if (source is null) return;
        var digest = source["digest"]?.GetValue<string>()
            ?? throw new OciException(OciErrorKind.InvalidArtifact, $"{what} of {pulled.Reference} has no digest");
        var path = cache.TryGetWasmFile(digest)
            ?? throw new OciException(OciErrorKind.InvalidArtifact, $"{what} of {pulled.Reference}: wasm {digest} is not in the cache; pull the app again");
        var contentType = source["content_type"]?.DeepClone();
        source.Clear();
        if (contentType is not null) source["content_type"] = contentType;
        source["source"] = new Uri(path).AbsoluteUri;
    }

    private static async Task MaterializeAsync(JsonArray files, string mount, OciCache cache, PulledArtifact pulled, string id, CancellationToken cancellationToken)
    {
        foreach (var node in files)
        {
            if (node is not JsonObject file) continue;
            var relative = file["path"]?.GetValue<string>() ?? "";
            // Only plain relative paths: a crafted artifact must not write outside the mount.
            var target = Path.GetFullPath(Path.Combine(mount, relative));
            if (relative.Length == 0 || Path.IsPathRooted(relative) || !target.StartsWith(mount + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new OciException(OciErrorKind.InvalidArtifact, $"component \"{id}\" of {pulled.Reference} has an invalid file path \"{relative}\"");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (file["inline"] is JsonValue inline && inline.TryGetValue<string>(out var base64))
            {
                await File.WriteAllBytesAsync(target, InlineContent.Decode(base64), cancellationToken);
                continue;
            }

            var digest = file["digest"]?.GetValue<string>() ?? "";
            var cached = cache.TryGetDataFile(digest)
                ?? throw new OciException(OciErrorKind.InvalidArtifact, $"component \"{id}\" file \"{relative}\" ({digest}) of {pulled.Reference} is not in the cache; pull the app again");
            File.Copy(cached, target, overwrite: true);
        }
    }
}
