using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spindle.Kubernetes.Models.Meta;

/// <summary>
/// Any object, typed only in apiVersion, kind and metadata; every other field is kept as JSON (client-go's
/// Unstructured). For applying manifests of kinds Spindle has no model for (CRDs, RBAC, RuntimeClass).
/// </summary>
public sealed class UnstructuredObject : IKubernetesObject
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public ObjectMeta Metadata { get; set; } = new();

    // Dictionary<string, JsonElement>, not JsonObject: source-generated JsonObject extension data writes invalid JSON (.NET 10).
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; set; }
}
