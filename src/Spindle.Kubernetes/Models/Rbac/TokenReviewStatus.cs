namespace Spindle.Kubernetes.Models.Rbac;

/// <summary>Whether the token is valid and whose it is.</summary>
public sealed class TokenReviewStatus
{
    public bool Authenticated { get; set; }

    public UserInfo? User { get; set; }

    public string? Error { get; set; }
}
