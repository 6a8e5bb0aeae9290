namespace Spindle.Kubernetes.Models.Meta;

/// <summary>metav1.ListMeta: the list's resourceVersion (where a watch starts) and the continue token of a paged list.</summary>
public sealed class ListMeta
{
    public string? ResourceVersion { get; set; }

    public string? Continue { get; set; }

    public long? RemainingItemCount { get; set; }
}
