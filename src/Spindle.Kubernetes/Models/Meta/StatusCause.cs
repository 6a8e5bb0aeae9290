namespace Spindle.Kubernetes.Models.Meta;

/// <summary>metav1.StatusCause: one reason an object was rejected ("FieldValueRequired" at "spec.executor").</summary>
public sealed class StatusCause
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }
}
