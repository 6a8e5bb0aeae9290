using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Spindle.Spin.Locked;

/// <summary>A fully resolved component: Wasm source, environment, file mounts, variables and metadata.</summary>
public sealed class LockedComponent
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>
    /// <c>description</c>, <c>allowed_outbound_hosts</c>, <c>key_value_stores</c>, <c>databases</c>, <c>ai_models</c>,
    /// <c>build</c> (keys sorted, empty values omitted, as Spin writes them).
    /// </summary>
    [JsonPropertyName("metadata")]
    public JsonObject Metadata { get; set; } = [];

    [JsonPropertyName("source")]
    public LockedComponentSource Source { get; set; } = new();

    /// <summary>WASI environment variables.</summary>
    [JsonPropertyName("env")]
    public SortedDictionary<string, string> Env { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("files")]
    public List<ContentPath> Files { get; set; } = [];

    /// <summary>Component variables (templates over app variables), what guests read with <c>variables.get</c>.</summary>
    [JsonPropertyName("config")]
    public SortedDictionary<string, string> Config { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("dependencies")]
    public SortedDictionary<string, LockedComponentDependency> Dependencies { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("trigger_dependencies")]
    public SortedDictionary<string, List<LockedComponentDependency>> TriggerDependencies { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("host_requirements")]
    public JsonObject HostRequirements { get; set; } = [];

    /// <summary>The metadata string array <paramref name="key"/> (e.g. <c>allowed_outbound_hosts</c>), empty when absent.</summary>
    public IReadOnlyList<string> GetMetadataStrings(string key)
    {
        if (Metadata[key] is not JsonArray array) return [];
        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var s)) result.Add(s);
        }

        return result;
    }

    /// <summary>The metadata string <paramref name="key"/> (e.g. <c>description</c>), or null.</summary>
    public string? GetMetadataString(string key) => Metadata[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
