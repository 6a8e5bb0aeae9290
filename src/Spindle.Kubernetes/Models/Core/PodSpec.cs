namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 PodSpec, the fields the operator sets.</summary>
public sealed class PodSpec
{
    public string? RuntimeClassName { get; set; }

    public string? ServiceAccountName { get; set; }

    public IList<LocalObjectReference>? ImagePullSecrets { get; set; }

    public IList<Container> Containers { get; set; } = [];

    public IList<Volume>? Volumes { get; set; }
}
