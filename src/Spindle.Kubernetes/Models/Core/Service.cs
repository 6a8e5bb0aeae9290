using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 Service.</summary>
public sealed class Service : IKubernetesObject
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "Service";

    public ObjectMeta Metadata { get; set; } = new();

    public ServiceSpec? Spec { get; set; }
}
