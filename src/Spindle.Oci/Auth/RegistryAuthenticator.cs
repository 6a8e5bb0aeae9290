using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Spindle.Oci.Auth;

/// <summary>
/// Authentication for one registry host: anonymous until challenged, then Basic or the Bearer token flow
/// (token per scope from the challenge's realm and service, cached until shortly before it expires,
/// fetched again when the registry answers 401 to a token).
/// </summary>
internal sealed class RegistryAuthenticator
{
    // Tokens are renewed this long before they expire, so a request never leaves with a dying token.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(10);
    // The distribution token spec's default when a token answer has no expires_in.
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly string _registry;
    private readonly RegistryCredentials? _credentials;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private AuthChallenge? _challenge;

    public RegistryAuthenticator(HttpClient http, string registry, RegistryCredentials? credentials, TimeProvider time)
    {
        _http = http;
        _registry = registry;
        _credentials = credentials;
        _time = time;
    }

    public bool HasCredentials => _credentials is not null;

    /// <summary>The Authorization header for a request needing <paramref name="scope"/>, or null while anonymous.</summary>
    public async ValueTask<AuthenticationHeaderValue?> GetAuthorizationAsync(string scope, CancellationToken cancellationToken)
    {
        AuthChallenge? challenge;
        lock (_lock)
        {
            challenge = _challenge;
            if (challenge is null) return null;
            if (challenge.IsBasic) return _credentials is null ? null : new AuthenticationHeaderValue("Basic", _credentials.ToBase64());
            if (_tokens.TryGetValue(scope, out var cached) && cached.Expires > _time.GetUtcNow()) return new AuthenticationHeaderValue("Bearer", cached.Token);
        }

        var token = await FetchTokenAsync(challenge, scope, cancellationToken);
        return new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>
    /// Learns from a 401 answer. True when a retry with new authorization can succeed: a first challenge, or a
    /// token that expired; false when what was sent is what the registry refused.
    /// </summary>
    public async Task<bool> OnUnauthorizedAsync(HttpResponseMessage response, string scope, AuthenticationHeaderValue? sent, CancellationToken cancellationToken)
    {
        var challenge = AuthChallenge.Parse(response.Headers.WwwAuthenticate.ToString());
        if (challenge is null || !(challenge.IsBasic || challenge.IsBearer)) return false;
        lock (_lock)
        {
            _challenge = challenge;
            _tokens.Remove(scope);
        }

        if (challenge.IsBasic) return _credentials is not null && sent?.Scheme != "Basic";
        var challengeScope = challenge.Scope;
        var wanted = challengeScope is null || scope.Contains(challengeScope, StringComparison.Ordinal) ? scope : scope + " " + challengeScope;
        await FetchTokenAsync(challenge, scope, cancellationToken, wanted);
        return true;
    }

    /// <summary>Requests a token for a scope (login validates credentials with an empty scope, as Spin does).</summary>
    public async Task<string> FetchTokenAsync(AuthChallenge challenge, string scope, CancellationToken cancellationToken, string? requestScope = null)
    {
        if (challenge.Realm is null || !Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm))
        {
            throw new OciException(OciErrorKind.Registry, $"registry {_registry} sent a Bearer challenge without a valid realm (\"{challenge.Realm}\")");
        }

        var query = new List<string>();
        if (challenge.Service is { } service) query.Add("service=" + Uri.EscapeDataString(service));
        foreach (var part in (requestScope ?? scope).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Add("scope=" + Uri.EscapeDataString(part));
        }

        var builder = new UriBuilder(realm);
        var existing = builder.Query.TrimStart('?');
        builder.Query = string.Join('&', existing.Length > 0 ? [existing, .. query] : query);
        using var request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
        if (_credentials is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _credentials.ToBase64());
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new OciException(OciErrorKind.Unauthorized,
                _credentials is null
                    ? $"registry {_registry} requires authentication: log in with `spindle registry login {_registry}` (or `docker login`)"
                    : $"the token service {realm.GetLeftPart(UriPartial.Path)} refused the credentials of {_credentials.Username} for {_registry}: log in again with `spindle registry login {_registry}`",
                (int)response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new OciException(OciErrorKind.Registry, $"the token service {realm.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}", (int)response.StatusCode);
        }

        string token;
        TimeSpan lifetime;
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            var root = document.RootElement;
            token = (root.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null)
                ?? (root.TryGetProperty("access_token", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null)
                ?? throw new OciException(OciErrorKind.Registry, $"the token service {realm.GetLeftPart(UriPartial.Path)} answered without a token");
            lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultTokenLifetime;
        }
        catch (JsonException e)
        {
            throw new OciException(OciErrorKind.Registry, $"the token service {realm.GetLeftPart(UriPartial.Path)} answered with invalid JSON: {e.Message}", inner: e);
        }

        var expires = _time.GetUtcNow() + (lifetime > ExpiryMargin * 2 ? lifetime - ExpiryMargin : lifetime / 2);
        lock (_lock) _tokens[scope] = (token, expires);
        return token;
    }

    /// <summary>The challenge learnt so far (for login validation).</summary>
    public AuthChallenge? Challenge
    {
        get { lock (_lock) return _challenge; }
    }
}
