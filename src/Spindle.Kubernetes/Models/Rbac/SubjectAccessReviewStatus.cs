namespace Spindle.Kubernetes.Models.Rbac;

/// <summary>The authorizer's decision.</summary>
public sealed class SubjectAccessReviewStatus
{
    public bool Allowed { get; set; }

    public bool? Denied { get; set; }

    public string? Reason { get; set; }

    public string? EvaluationError { get; set; }
}
