using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Spindle.Spin.Locked;

/// <summary>A trigger: its id, type (<c>http</c>, <c>redis</c>, ...) and type-specific configuration.</summary>
public sealed class LockedTrigger
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("trigger_type")]
    public string TriggerType { get; set; } = "";

    /// <summary>E.g. <c>{"component": "api", "route": "/api/...", "executor": {"type": "http"}}</c>.</summary>
    [JsonPropertyName("trigger_config")]
    public JsonObject TriggerConfig { get; set; } = [];

    [JsonPropertyName("trigger_dependencies")]
    public SortedDictionary<string, List<LockedComponentDependency>> TriggerDependencies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The <c>component</c> id of the trigger config, if it is a string.</summary>
    [JsonIgnore]
    public string? ComponentId => TriggerConfig["component"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
}
