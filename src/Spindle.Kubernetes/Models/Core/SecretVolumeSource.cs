namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 SecretVolumeSource.</summary>
public sealed class SecretVolumeSource
{
    public string? SecretName { get; set; }

    public IList<KeyToPath>? Items { get; set; }

    public int? DefaultMode { get; set; }

    public bool? Optional { get; set; }
}
