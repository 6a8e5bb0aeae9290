namespace Spindle.Kubernetes.Models.Rbac;

/// <summary>The token to review.</summary>
public sealed class TokenReviewSpec
{
    public string? Token { get; set; }

    public IList<string>? Audiences { get; set; }
}
