namespace Spindle.Kubernetes.Models.Meta;

/// <summary>An object the API server stores: apiVersion, kind and metadata, as every typed model carries them.</summary>
public interface IKubernetesObject
{
    /// <summary>"v1", "apps/v1", "core.spinkube.dev/v1alpha1"; required by server-side apply.</summary>
    string ApiVersion { get; set; }

    /// <summary>"ConfigMap", "SpinApp"; required by server-side apply.</summary>
    string Kind { get; set; }

    ObjectMeta Metadata { get; set; }
}
