using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spindle.Oci.Artifact;

internal sealed partial class SpinArtifactBuilder
{
    public const string TitleAnnotation = "org.opencontainers.image.title";
    public const string VersionAnnotation = "org.opencontainers.image.version";
    public const string DescriptionAnnotation = "org.opencontainers.image.description";
    public const string AuthorsAnnotation = "org.opencontainers.image.authors";
    public const string CreatedAnnotation = "org.opencontainers.image.created";

    /// <summary>
    /// The image config oci-client writes for Spin: wasm/Wasip1, the locked-app digest label (so different apps get
    /// different image IDs), an empty rootfs. Field order and compact form match serde's output byte for byte.
    /// </summary>
    internal static byte[] ConfigJson(string lockedAppDigest)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("architecture", "wasm");
            writer.WriteString("os", "Wasip1");
            writer.WriteStartObject("config");
            writer.WriteStartObject("Labels");
            writer.WriteString(LockedAppDigestLabel, lockedAppDigest);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("rootfs");
            writer.WriteString("type", "layers");
            writer.WriteStartArray("diff_ids");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Explicit annotations, plus (unless disabled) authors, title, description, version and created where not given.</summary>
    private SortedDictionary<string, string> Annotations(JsonObject root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _options.Annotations) result[key] = value;
        if (!_options.InferAnnotations) return result;
        var metadata = root["metadata"] as JsonObject;
        if (metadata?["authors"] is JsonArray authors)
        {
            var names = new List<string>();
            foreach (var author in authors)
            {
                if (author is JsonValue value && value.TryGetValue<string>(out var name)) names.Add(name);
            }

            if (names.Count > 0) result.TryAdd(AuthorsAnnotation, string.Join(", ", names));
        }

        AddString(result, TitleAnnotation, metadata?["name"]);
        AddString(result, DescriptionAnnotation, metadata?["description"]);
        AddString(result, VersionAnnotation, metadata?["version"]);
        result.TryAdd(CreatedAnnotation, Rfc3339(_options.TimeProvider.GetUtcNow()));
        return result;
    }

    private static void AddString(SortedDictionary<string, string> annotations, string key, JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String) annotations.TryAdd(key, value.GetValue<string>());
    }

    /// <summary>chrono's <c>to_rfc3339</c>: "+00:00" offset, and 0, 3, 6 or 9 fraction digits as needed.</summary>
    internal static string Rfc3339(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var nanos = utc.Ticks % TimeSpan.TicksPerSecond * 100;
        var fraction = nanos == 0 ? ""
            : nanos % 1_000_000 == 0 ? "." + (nanos / 1_000_000).ToString("D3", CultureInfo.InvariantCulture)
            : nanos % 1_000 == 0 ? "." + (nanos / 1_000).ToString("D6", CultureInfo.InvariantCulture)
            : "." + nanos.ToString("D9", CultureInfo.InvariantCulture);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + "+00:00";
    }
}
