namespace Spindle.Kubernetes.Models.Meta;

/// <summary>metav1.OwnerReference: lets the garbage collector delete children with their owner.</summary>
public sealed class OwnerReference
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    public string Uid { get; set; } = "";

    public bool? Controller { get; set; }

    public bool? BlockOwnerDeletion { get; set; }
}
