namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 VolumeMount.</summary>
public sealed class VolumeMount
{
    public string Name { get; set; } = "";

    public bool? ReadOnly { get; set; }

    public string MountPath { get; set; } = "";

    public string? SubPath { get; set; }

    public string? MountPropagation { get; set; }

    public string? SubPathExpr { get; set; }
}
