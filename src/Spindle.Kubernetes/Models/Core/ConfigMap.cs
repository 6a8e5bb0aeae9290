using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 ConfigMap (runtime config options may read values from one).</summary>
public sealed class ConfigMap : IKubernetesObject
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "ConfigMap";

    public ObjectMeta Metadata { get; set; } = new();

    public IDictionary<string, string>? Data { get; set; }

    public IDictionary<string, byte[]>? BinaryData { get; set; }
}
