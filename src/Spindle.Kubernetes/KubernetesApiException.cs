using System.Net;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes;

/// <summary>The API server refused a request; <see cref="Status"/> is its answer (code, reason, message, details).</summary>
public sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(Status status, string? request = null)
        : base(FormatMessage(status, request))
    {
        Status = status;
    }

    public KubernetesApiException(string message) : base(message)
    {
        Status = new Status { Message = message };
    }

    public KubernetesApiException(string message, Exception innerException) : base(message, innerException)
    {
        Status = new Status { Message = message };
    }

    public KubernetesApiException()
        : this("The Kubernetes API server refused the request.")
    {
    }

    public Status Status { get; }

    public HttpStatusCode StatusCode => (HttpStatusCode)Status.Code;

    /// <summary>"NotFound", "Conflict", "AlreadyExists", "Expired", "Gone", "Invalid"... (metav1.StatusReason).</summary>
    public string? Reason => Status.Reason;

    public bool IsNotFound => Status.Code == 404;

    /// <summary>409 with reason Conflict: the resourceVersion was stale; re-read and retry.</summary>
    public bool IsConflict => Status.Code == 409 && Status.Reason != "AlreadyExists";

    public bool IsAlreadyExists => Status.Code == 409 && Status.Reason == "AlreadyExists";

    /// <summary>403: RBAC refused the request, or an admission webhook denied it.</summary>
    public bool IsForbidden => Status.Code == 403;

    /// <summary>422 Invalid: the object failed validation; <see cref="Models.Meta.StatusDetails.Causes"/> names each field.</summary>
    public bool IsInvalid => Status.Code == 422;

    /// <summary>410 Gone: the watch resourceVersion is too old; relist.</summary>
    public bool IsGone => Status.Code == 410 || Status.Reason is "Expired" or "Gone";

    private static string FormatMessage(Status status, string? request)
    {
        var prefix = request is null ? "" : request + ": ";
        return $"{prefix}{status.Code} {status.Reason}: {status.Message}";
    }
}
