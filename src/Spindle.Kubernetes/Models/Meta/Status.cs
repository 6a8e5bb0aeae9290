using System.Text.Json.Serialization;

namespace Spindle.Kubernetes.Models.Meta;

/// <summary>metav1.Status: the body of every API error and of some deletes.</summary>
public sealed class Status
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    /// <summary>"Success" or "Failure" (JSON "status").</summary>
    [JsonPropertyName("status")]
    public string? StatusValue { get; set; }

    public string? Message { get; set; }

    /// <summary>Machine-readable cause: "NotFound", "AlreadyExists", "Conflict", "Expired", "Invalid", "Forbidden"...</summary>
    public string? Reason { get; set; }

    public StatusDetails? Details { get; set; }

    /// <summary>The HTTP status code (410 for an expired watch resourceVersion).</summary>
    public int Code { get; set; }
}
