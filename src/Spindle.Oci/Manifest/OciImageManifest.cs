using System.Text.Json;

namespace Spindle.Oci.Manifest;

/// <summary>
/// An OCI image manifest. <see cref="ToJson"/> writes the exact bytes oci-client writes for Spin
/// (schemaVersion, mediaType, config, layers, annotations in that order, compact, annotations sorted).
/// </summary>
internal sealed record OciImageManifest(OciDescriptor Config, IReadOnlyList<OciDescriptor> Layers)
{
    /// <summary>Registries (and Spin) stop at 500 layers: ECR's limit is the lowest known.</summary>
    public const int MaxLayers = 500;

    public string MediaType { get; init; } = MediaTypes.OciManifest;

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", 2);
            writer.WriteString("mediaType", MediaType);
            writer.WritePropertyName("config");
            WriteDescriptor(writer, Config);
            writer.WriteStartArray("layers");
            foreach (var layer in Layers) WriteDescriptor(writer, layer);
            writer.WriteEndArray();
            if (Annotations is not null) WriteAnnotations(writer, Annotations);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Parses an image manifest; an index or another document type is reported as such.</summary>
    public static OciImageManifest Parse(ReadOnlySpan<byte> json, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Invalid(what, "it is not a JSON object");
            var mediaType = root.TryGetProperty("mediaType", out var mt) && mt.ValueKind == JsonValueKind.String ? mt.GetString()! : MediaTypes.OciManifest;
            if (mediaType is MediaTypes.OciIndex or MediaTypes.DockerManifestList || root.TryGetProperty("manifests", out _))
            {
                throw Invalid(what, "it is an image index (multi-platform), not a Spin application or Wasm package");
            }

            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 2)
            {
                throw Invalid(what, "schemaVersion must be 2");
            }

            if (!root.TryGetProperty("config", out var config)) throw Invalid(what, "the config descriptor is missing");
            var layers = new List<OciDescriptor>();
            if (root.TryGetProperty("layers", out var layersElement))
            {
                if (layersElement.ValueKind != JsonValueKind.Array) throw Invalid(what, "layers is not an array");
                if (layersElement.GetArrayLength() > MaxLayers)
                {
                    throw new OciException(OciErrorKind.TooManyLayers,
                        $"{what} has {layersElement.GetArrayLength()} layers; at most {MaxLayers} are supported (the lowest registry limit, as in Spin)");
                }

                var index = 0;
                foreach (var layer in layersElement.EnumerateArray()) layers.Add(ReadDescriptor(layer, what, $"layers[{index++}]"));
            }

            return new OciImageManifest(ReadDescriptor(config, what, "config"), layers)
            {
                MediaType = mediaType,
                Annotations = ReadAnnotations(root),
            };
        }
        catch (JsonException e)
        {
            throw new OciException(OciErrorKind.InvalidArtifact, $"{what} is not valid JSON: {e.Message}", inner: e);
        }
    }

    private static OciDescriptor ReadDescriptor(JsonElement element, string what, string field)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Invalid(what, $"{field} is not an object");
        var mediaType = element.TryGetProperty("mediaType", out var mt) && mt.ValueKind == JsonValueKind.String ? mt.GetString()! : "";
        var digest = element.TryGetProperty("digest", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
        if (!Digests.IsSha256(digest)) throw Invalid(what, $"{field}.digest \"{digest}\" is not a sha256 digest");
        if (!element.TryGetProperty("size", out var s) || !s.TryGetInt64(out var size) || size < 0) throw Invalid(what, $"{field}.size is missing or negative");
        return new OciDescriptor(mediaType, digest, size) { Annotations = ReadAnnotations(element) };
    }

    private static SortedDictionary<string, string>? ReadAnnotations(JsonElement element)
    {
        if (!element.TryGetProperty("annotations", out var annotations) || annotations.ValueKind != JsonValueKind.Object) return null;
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in annotations.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String) result[property.Name] = property.Value.GetString()!;
        }

        return result;
    }

    private static void WriteDescriptor(Utf8JsonWriter writer, OciDescriptor descriptor)
    {
        writer.WriteStartObject();
        writer.WriteString("mediaType", descriptor.MediaType);
        writer.WriteString("digest", descriptor.Digest);
        writer.WriteNumber("size", descriptor.Size);
        if (descriptor.Annotations is not null) WriteAnnotations(writer, descriptor.Annotations);
        writer.WriteEndObject();
    }

    private static void WriteAnnotations(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> annotations)
    {
        writer.WriteStartObject("annotations");
        var keys = new List<string>(annotations.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys) writer.WriteString(key, annotations[key]);
        writer.WriteEndObject();
    }

    private static OciException Invalid(string what, string why) => new(OciErrorKind.InvalidArtifact, $"{what} is not a valid OCI image manifest: {why}");
}
