namespace Spindle.Kubernetes.Models.Rbac;

/// <summary>authentication.k8s.io/v1 UserInfo.</summary>
public sealed class UserInfo
{
    public string? Username { get; set; }

    public string? Uid { get; set; }

    public IList<string>? Groups { get; set; }
}
