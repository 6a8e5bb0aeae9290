using System.Text.Json.Serialization;
using Spindle.Kubernetes.Config;

namespace Spindle.Kubernetes.Serialization;

/// <summary>Metadata of the wire types that are not part of the public API.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeleteOptionsBody))]
[JsonSerializable(typeof(ExecCredential))]
[JsonSerializable(typeof(ApiResourceList))]
internal sealed partial class InternalJsonContext : JsonSerializerContext
{
}
