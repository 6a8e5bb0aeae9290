using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 PodTemplateSpec: the pods a Deployment creates.</summary>
public sealed class PodTemplateSpec
{
    public ObjectMeta? Metadata { get; set; }

    public PodSpec? Spec { get; set; }
}
