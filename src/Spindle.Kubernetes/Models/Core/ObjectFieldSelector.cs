namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 ObjectFieldSelector: a pod field such as metadata.name.</summary>
public sealed class ObjectFieldSelector
{
    public string? ApiVersion { get; set; }

    public string FieldPath { get; set; } = "";
}
