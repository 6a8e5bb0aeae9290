namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 LocalObjectReference: an object in the same namespace, by name (imagePullSecrets).</summary>
public sealed class LocalObjectReference
{
    public string? Name { get; set; }
}
