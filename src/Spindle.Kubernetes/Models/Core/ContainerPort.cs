using System.Text.Json.Serialization;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 ContainerPort.</summary>
public sealed class ContainerPort
{
    public string? Name { get; set; }

    [JsonPropertyName("containerPort")]
    public int Number { get; set; }

    public string? Protocol { get; set; }
}
