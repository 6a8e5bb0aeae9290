using System.Text.Json.Serialization;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes.Models.Meta;

/// <summary>metav1.ObjectMeta without managedFields (which the server fills and clients should not echo back).</summary>
public sealed class ObjectMeta
{
    public string? Name { get; set; }

    public string? GenerateName { get; set; }

    public string? Namespace { get; set; }

    public IDictionary<string, string>? Labels { get; set; }

    public IDictionary<string, string>? Annotations { get; set; }

    public IList<OwnerReference>? OwnerReferences { get; set; }

    public IList<string>? Finalizers { get; set; }

    public string? ResourceVersion { get; set; }

    public string? Uid { get; set; }

    public long? Generation { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? CreationTimestamp { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? DeletionTimestamp { get; set; }

    public long? DeletionGracePeriodSeconds { get; set; }
}
