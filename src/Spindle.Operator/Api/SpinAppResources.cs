using System.Text.Json.Serialization;
using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>The app container's resource limits and requests.</summary>
public sealed class SpinAppResources
{
    [JsonConverter(typeof(QuantityMapConverter))]
    [CrdDescription("Limits describes the maximum amount of compute resources allowed.")]
    public IDictionary<string, string>? Limits { get; set; }

    [JsonConverter(typeof(QuantityMapConverter))]
    [CrdDescription("Requests describes the minimum amount of compute resources required.")]
    public IDictionary<string, string>? Requests { get; set; }
}
