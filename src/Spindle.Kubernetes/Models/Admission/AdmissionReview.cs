namespace Spindle.Kubernetes.Models.Admission;

/// <summary>admission.k8s.io/v1 AdmissionReview: the request the API server posts to a webhook and the response it expects.</summary>
public sealed class AdmissionReview
{
    public string ApiVersion { get; set; } = "admission.k8s.io/v1";

    public string Kind { get; set; } = "AdmissionReview";

    public AdmissionRequest? Request { get; set; }

    public AdmissionResponse? Response { get; set; }
}
