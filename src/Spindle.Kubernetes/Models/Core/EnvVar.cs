namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 EnvVar: a literal value or one read from a ConfigMap, Secret, pod field or resource.</summary>
public sealed class EnvVar
{
    public string Name { get; set; } = "";

    public string? Value { get; set; }

    public EnvVarSource? ValueFrom { get; set; }
}
