using System.Text.Json.Serialization;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Models.Admission;

/// <summary>admission.k8s.io/v1 AdmissionResponse: allowed or not, why (<see cref="Result"/>), and for mutation a JSON patch.</summary>
public sealed class AdmissionResponse
{
    public string Uid { get; set; } = "";

    public bool Allowed { get; set; }

    /// <summary>Why the request was denied (JSON "status", as admission.k8s.io names it).</summary>
    [JsonPropertyName("status")]
    public Status? Result { get; set; }

    /// <summary>An RFC 6902 JSON patch (base64 on the wire).</summary>
    public byte[]? Patch { get; set; }

    /// <summary>"JSONPatch" whenever <see cref="Patch"/> is set.</summary>
    public string? PatchType { get; set; }

    public IList<string>? Warnings { get; set; }
}
