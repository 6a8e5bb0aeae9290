using System.Text.Json.Serialization;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 ResourceRequirements: quantities by resource name ("cpu": "500m").</summary>
public sealed class ResourceRequirements
{
    [JsonConverter(typeof(QuantityMapConverter))]
    public IDictionary<string, string>? Limits { get; set; }

    [JsonConverter(typeof(QuantityMapConverter))]
    public IDictionary<string, string>? Requests { get; set; }
}
