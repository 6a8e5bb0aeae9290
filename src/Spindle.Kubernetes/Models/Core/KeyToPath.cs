namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 KeyToPath: one key of a Secret or ConfigMap projected to a file.</summary>
public sealed class KeyToPath
{
    public string Key { get; set; } = "";

    public string Path { get; set; } = "";

    public int? Mode { get; set; }
}
