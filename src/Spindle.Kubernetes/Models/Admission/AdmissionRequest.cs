using System.Text.Json;

namespace Spindle.Kubernetes.Models.Admission;

/// <summary>admission.k8s.io/v1 AdmissionRequest. The objects stay raw JSON: the webhook decodes the kind it serves.</summary>
public sealed class AdmissionRequest
{
    public string Uid { get; set; } = "";

    public GroupVersionKind? Kind { get; set; }

    public GroupVersionResource? Resource { get; set; }

    public string? SubResource { get; set; }

    public string? Name { get; set; }

    public string? Namespace { get; set; }

    /// <summary>"CREATE", "UPDATE", "DELETE" or "CONNECT".</summary>
    public string? Operation { get; set; }

    public JsonElement? Object { get; set; }

    public JsonElement? OldObject { get; set; }

    public bool? DryRun { get; set; }
}
