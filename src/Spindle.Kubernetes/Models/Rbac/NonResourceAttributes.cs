namespace Spindle.Kubernetes.Models.Rbac;

/// <summary>A URL path that is not a resource ("/metrics") and the HTTP verb in lower case.</summary>
public sealed class NonResourceAttributes
{
    public string? Path { get; set; }

    public string? Verb { get; set; }
}
