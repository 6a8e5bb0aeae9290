namespace Spindle.Kubernetes;

/// <summary>metav1.DeleteOptions: what happens to dependents, grace period, and optimistic preconditions.</summary>
public sealed record DeleteOptions
{
    public PropagationPolicy? PropagationPolicy { get; init; }

    public long? GracePeriodSeconds { get; init; }

    /// <summary>Delete only if the object still has this uid (not a recreated namesake).</summary>
    public string? PreconditionUid { get; init; }

    /// <summary>Delete only if nobody changed the object since this resourceVersion.</summary>
    public string? PreconditionResourceVersion { get; init; }

    public bool DryRun { get; init; }
}
