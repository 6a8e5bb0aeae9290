using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Operator.Tests.Integration;

/// <summary>Any Kubernetes object (CRDs, webhook configurations, namespaces) for the tests to apply as JSON.</summary>
public sealed class GenericObject : IKubernetesObject
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Rest { get; set; }

    public static GenericObject From(JsonObject json) =>
        JsonSerializer.Deserialize(json.ToJsonString(), TestJsonContext.Default.GenericObject)!;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenericObject))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
