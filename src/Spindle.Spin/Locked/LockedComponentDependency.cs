using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Spindle.Spin.Locked;

/// <summary>A resolved component dependency (an import satisfied by another Wasm component).</summary>
public sealed class LockedComponentDependency
{
    [JsonPropertyName("source")]
    public LockedComponentSource Source { get; set; } = new();

    /// <summary>The export to use; Spin always writes this key, as <c>null</c> when unset.</summary>
    [JsonPropertyName("export")]
    public string? Export { get; set; }

    /// <summary>Spin's <c>InheritConfiguration</c>: <c>"All"</c> or <c>{"Some": [..]}</c>; omitted for "inherit nothing".</summary>
    [JsonPropertyName("inherit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Inherit { get; set; }
}
