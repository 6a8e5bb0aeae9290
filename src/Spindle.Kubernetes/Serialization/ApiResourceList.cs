namespace Spindle.Kubernetes.Serialization;

/// <summary>metav1.APIResourceList: what GET /api/v1 or /apis/{group}/{version} answers (discovery).</summary>
internal sealed class ApiResourceList
{
    public string? GroupVersion { get; set; }

    public IList<ApiResourceEntry> Resources { get; set; } = [];
}

/// <summary>metav1.APIResource: one resource (or subresource, "deployments/status") of a group version.</summary>
internal sealed class ApiResourceEntry
{
    public string Name { get; set; } = "";

    public bool Namespaced { get; set; }

    public string Kind { get; set; } = "";

    public IList<string>? Verbs { get; set; }
}
