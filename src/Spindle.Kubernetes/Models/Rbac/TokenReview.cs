using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Models.Rbac;

/// <summary>authentication.k8s.io/v1 TokenReview: asks the API server who a bearer token belongs to.</summary>
public sealed class TokenReview : IKubernetesObject
{
    public string ApiVersion { get; set; } = "authentication.k8s.io/v1";

    public string Kind { get; set; } = "TokenReview";

    public ObjectMeta Metadata { get; set; } = new();

    public TokenReviewSpec Spec { get; set; } = new();

    public TokenReviewStatus? Status { get; set; }
}
