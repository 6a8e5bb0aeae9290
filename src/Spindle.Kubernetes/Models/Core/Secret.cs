using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 Secret. <see cref="Data"/> values travel base64-encoded; <see cref="StringData"/> is write-only plain text.</summary>
public sealed class Secret : IKubernetesObject
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "Secret";

    public ObjectMeta Metadata { get; set; } = new();

    public string? Type { get; set; }

    public IDictionary<string, byte[]>? Data { get; set; }

    public IDictionary<string, string>? StringData { get; set; }
}
