using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Spindle.Kubernetes;
using Spindle.Kubernetes.Models.Rbac;

namespace Spindle.Operator.Hosting;

/// <summary>
/// Guards /metrics as controller-runtime's authentication/authorization filter: the bearer token must pass a
/// TokenReview and its user a SubjectAccessReview for GET /metrics. Grants are cached for a minute; refusals are
/// not, so a new RoleBinding takes effect on the next scrape.
/// </summary>
internal sealed class MetricsAuthorizer(KubernetesClient client)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ResourceClient<TokenReview> _tokenReviews = client.Resource(
        new ApiResource("authentication.k8s.io", "v1", "tokenreviews", "TokenReview", Namespaced: false), OperatorJsonContext.Default.TokenReview);
    private readonly ResourceClient<SubjectAccessReview> _accessReviews = client.Resource(
        new ApiResource("authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", Namespaced: false),
        OperatorJsonContext.Default.SubjectAccessReview);
    private readonly ConcurrentDictionary<string, (int Status, string Message, DateTimeOffset Expires)> _cache = new();

    /// <summary>200 when allowed, else 401 (no or bad token) or 403 (not allowed), with the message to send.</summary>
    public async Task<(int Status, string Message)> AuthorizeAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (401, "Unauthorized");
        }

        var token = authorization["Bearer ".Length..].Trim();
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var now = client.TimeProvider.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now) return (cached.Status, cached.Message);

        var decision = await DecideAsync(token, cancellationToken);
        if (decision.Status == 200) _cache[key] = (decision.Status, decision.Message, now + CacheFor);
        return decision;
    }

    private async Task<(int Status, string Message)> DecideAsync(string token, CancellationToken cancellationToken)
    {
        var review = await _tokenReviews.CreateAsync(new TokenReview { Spec = new TokenReviewSpec { Token = token } }, cancellationToken: cancellationToken);
        if (review.Status is not { Authenticated: true, User: { } user }) return (401, "Authentication failed");

        var access = await _accessReviews.CreateAsync(
            new SubjectAccessReview
            {
                Spec = new SubjectAccessReviewSpec
                {
                    User = user.Username,
                    Uid = user.Uid,
                    Groups = user.Groups,
                    NonResourceAttributes = new NonResourceAttributes { Path = "/metrics", Verb = "get" },
                },
            },
            cancellationToken: cancellationToken);
        return access.Status?.Allowed == true
            ? (200, "")
            : (403, $"Authorization denied for user {user.Username}");
    }
}
