namespace Spindle.Kubernetes.Models.Meta;

/// <summary>metav1.StatusDetails: which object the error is about and, for "Invalid", each field at fault.</summary>
public sealed class StatusDetails
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    public string? Kind { get; set; }

    public string? Uid { get; set; }

    public IList<StatusCause>? Causes { get; set; }

    public int? RetryAfterSeconds { get; set; }
}
