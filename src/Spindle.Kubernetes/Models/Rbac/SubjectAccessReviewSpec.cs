namespace Spindle.Kubernetes.Models.Rbac;

/// <summary>Who asks, and for which non-resource URL and verb (the operator checks GET /metrics).</summary>
public sealed class SubjectAccessReviewSpec
{
    public string? User { get; set; }

    public string? Uid { get; set; }

    public IList<string>? Groups { get; set; }

    public NonResourceAttributes? NonResourceAttributes { get; set; }
}
