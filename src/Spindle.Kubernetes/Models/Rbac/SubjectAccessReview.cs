using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Models.Rbac;

/// <summary>authorization.k8s.io/v1 SubjectAccessReview: asks the API server whether a user may do something.</summary>
public sealed class SubjectAccessReview : IKubernetesObject
{
    public string ApiVersion { get; set; } = "authorization.k8s.io/v1";

    public string Kind { get; set; } = "SubjectAccessReview";

    public ObjectMeta Metadata { get; set; } = new();

    public SubjectAccessReviewSpec Spec { get; set; } = new();

    public SubjectAccessReviewStatus? Status { get; set; }
}
