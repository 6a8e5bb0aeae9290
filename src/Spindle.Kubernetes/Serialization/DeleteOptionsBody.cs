namespace Spindle.Kubernetes.Serialization;

/// <summary>The JSON body of a DELETE (metav1.DeleteOptions); preconditions cannot travel in the query.</summary>
internal sealed class DeleteOptionsBody
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "DeleteOptions";

    public string? PropagationPolicy { get; set; }

    public long? GracePeriodSeconds { get; set; }

    public DeletePreconditions? Preconditions { get; set; }

    public IList<string>? DryRun { get; set; }
}

internal sealed class DeletePreconditions
{
    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }
}
