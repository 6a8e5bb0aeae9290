using System.Text.Json.Serialization;
using Spindle.Kubernetes.Models.Coordination;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Serialization;

/// <summary>
/// Source-generated metadata for the types this assembly owns. Other assemblies declare their own context
/// with the same options (camelCase, nulls omitted) and pass its JsonTypeInfo to the client.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ObjectMeta))]
[JsonSerializable(typeof(ListMeta))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(UnstructuredObject))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext
{
}
