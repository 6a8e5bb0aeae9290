using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spindle.Operator.Crds;

/// <summary>Reflection-based options for the schema generator's default values (generation is offline, never hot).</summary>
internal static class CrdJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}
