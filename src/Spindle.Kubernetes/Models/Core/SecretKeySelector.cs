namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 SecretKeySelector.</summary>
public sealed class SecretKeySelector
{
    public string? Name { get; set; }

    public string Key { get; set; } = "";

    public bool? Optional { get; set; }
}
