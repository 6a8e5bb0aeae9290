using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes;

/// <summary>namespace/name of an object (Namespace null for cluster-scoped kinds): the informer's cache key and the work queue's item.</summary>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    public static ObjectKey From(IKubernetesObject obj) => new(obj.Metadata.Namespace, obj.Metadata.Name ?? "");

    /// <summary>"ns/name", or "name" when cluster-scoped, as client-go's MetaNamespaceKeyFunc.</summary>
    public override string ToString() => string.IsNullOrEmpty(Namespace) ? Name : Namespace + "/" + Name;
}
