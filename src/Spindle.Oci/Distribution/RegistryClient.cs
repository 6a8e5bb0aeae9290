using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Spindle.Oci.Auth;

namespace Spindle.Oci.Distribution;

/// <summary>
/// The OCI distribution API of one registry host: ping, blobs (HEAD/GET/upload/mount), manifests, tags.
/// Every request goes through <see cref="SendAsync"/>: authorization for the request's scope, one retry after a
/// 401 challenge, bounded retries with exponential backoff for transient failures, none for other 4xx.
/// </summary>
internal sealed partial class RegistryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RegistryAuthenticator _auth;
    private readonly RegistryClientOptions _options;

    public RegistryClient(string registryHost, RegistryCredentials? credentials, RegistryClientOptions options)
    {
        Host = registryHost;
        _options = options;
        var handler = options.Handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.None };
        _http = new HttpClient(handler, disposeHandler: options.Handler is null) { Timeout = options.RequestTimeout };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("spindle", "0.1"));
        BaseUri = new Uri($"{(options.Insecure ? "http" : "https")}://{registryHost}/");
        _auth = new RegistryAuthenticator(_http, registryHost, credentials, options.TimeProvider);
    }

    public string Host { get; }

    public Uri BaseUri { get; }

    internal RegistryAuthenticator Authenticator => _auth;

    public static string PullScope(string repository) => $"repository:{repository}:pull";

    public static string PushScope(string repository) => $"repository:{repository}:pull,push";

    /// <summary>GET /v2/: checks that the registry answers and that the credentials (if any) are accepted.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, "v2/")), "", retry: true, cancellationToken);
        await EnsureSuccessAsync(response, $"registry {Host}", cancellationToken);
    }

    /// <summary>GET /v2/&lt;name&gt;/tags/list, following pagination.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        Uri? next = new(BaseUri, $"v2/{repository}/tags/list");
        while (next is not null)
        {
            var uri = next;
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), PullScope(repository), retry: true, cancellationToken);
            await EnsureSuccessAsync(response, $"repository {repository} on {Host}", cancellationToken);
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            if (document.RootElement.TryGetProperty("tags", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var tag in array.EnumerateArray()) tags.Add(tag.GetString() ?? "");
            }

            next = NextLink(response);
        }

        return tags;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Sends a request built by <paramref name="create"/> (called again for each attempt, so bodies are re-opened).
    /// The caller owns the response, including error responses (see <see cref="EnsureSuccessAsync"/>).
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string scope, bool retry, CancellationToken cancellationToken)
    {
        // A 401 is answered at most twice per request: once to learn the challenge, once more to replace a refused token.
        var challenged = false;
        var refreshed = false;
        for (var attempt = 0; ; attempt++)
        {
            using var request = create();
            var authorization = await _auth.GetAuthorizationAsync(scope, cancellationToken);
            request.Headers.Authorization = authorization;
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                if (!retry || attempt >= _options.MaxRetries)
                {
                    throw new OciException(OciErrorKind.Network, $"cannot reach registry {Host} ({request.Method} {request.RequestUri?.AbsolutePath}): {e.Message.TrimEnd('.')}" +
                        (_options.Insecure ? "; check the registry address and that it is running" : "; check the registry address, or for a plain-HTTP registry use -k/--insecure"), inner: e);
                }

                await BackoffAsync(attempt, cancellationToken);
                continue;
            }
            catch (HttpRequestException e)
            {
                var hint = e.HttpRequestError == HttpRequestError.SecureConnectionError && !_options.Insecure
                    ? "; if the registry serves plain HTTP, use -k/--insecure"
                    : "; check the registry address and your network";
                throw new OciException(OciErrorKind.Network, $"cannot reach registry {Host} ({request.Method} {request.RequestUri?.AbsolutePath}): {e.Message.TrimEnd('.')}{hint}", inner: e);
            }

            var sentToken = authorization?.Scheme == "Bearer";
            if (response.StatusCode == HttpStatusCode.Unauthorized && !(sentToken ? refreshed : challenged)
                && await _auth.OnUnauthorizedAsync(response, scope, authorization, cancellationToken))
            {
                if (sentToken) refreshed = true;
                else challenged = true;
                response.Dispose();
                attempt--;
                continue;
            }

            if (retry && IsTransient(response.StatusCode) && attempt < _options.MaxRetries)
            {
                response.Dispose();
                await BackoffAsync(attempt, cancellationToken);
                continue;
            }

            return response;
        }
    }

    internal static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests || status == HttpStatusCode.RequestTimeout;

    internal static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // HttpClient's timeout, not the caller
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => false,
        HttpRequestException or IOException => true,
        _ => false,
    };

    internal async Task BackoffAsync(int attempt, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay * Math.Pow(2, attempt);
        // Jitter keeps parallel transfers from retrying in lockstep.
        delay += TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Max(1, (int)(delay.TotalMilliseconds / 4))));
        await Task.Delay(delay, _options.TimeProvider, cancellationToken);
    }

    /// <summary>Throws an <see cref="OciException"/> for a non-success answer, naming <paramref name="what"/> and the fix.</summary>
    internal async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        throw await ErrorAsync(response, what, cancellationToken);
    }

    internal async Task<OciException> ErrorAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var (code, message) = await ReadRegistryErrorAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        var detail = code is null ? $"{status} {response.ReasonPhrase}" : $"{status} {code}{(message is null ? "" : ": " + message)}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new OciException(OciErrorKind.Unauthorized, _auth.HasCredentials
                ? $"registry {Host} refused the stored credentials for {what} ({detail}): log in again with `spindle registry login {Host}`"
                : $"registry {Host} requires authentication for {what} ({detail}): log in with `spindle registry login {Host}` (or `docker login {Host}`)", status, code),
            HttpStatusCode.Forbidden => new OciException(OciErrorKind.Denied, $"registry {Host} denied access to {what} ({detail}): check that your account may push/pull it", status, code),
            HttpStatusCode.NotFound => new OciException(OciErrorKind.NotFound, $"{what} not found ({detail})", status, code),
            _ => new OciException(OciErrorKind.Registry, $"registry {Host} failed on {what}: {detail}", status, code),
        };
    }

    private static async Task<(string? Code, string? Message)> ReadRegistryErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (body.Length == 0 || body.Length > 64 * 1024) return (null, null);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                return (first.TryGetProperty("code", out var c) ? c.GetString() : null, first.TryGetProperty("message", out var m) ? m.GetString() : null);
            }
        }
        catch (JsonException)
        {
        }
        catch (HttpRequestException)
        {
        }

        return (null, null);
    }

    private Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links)) return null;
        foreach (var link in links)
        {
            var start = link.IndexOf('<');
            var end = link.IndexOf('>');
            if (start >= 0 && end > start && link.Contains("rel=\"next\"", StringComparison.Ordinal)) return new Uri(BaseUri, link[(start + 1)..end]);
        }

        return null;
    }

    /// <summary>An upload location (absolute or relative) with extra query parameters appended.</summary>
    internal Uri Location(HttpResponseMessage response, string? query = null)
    {
        var location = response.Headers.Location ?? throw new OciException(OciErrorKind.Registry, $"registry {Host} answered an upload without a Location header", (int)response.StatusCode);
        var absolute = location.IsAbsoluteUri ? location : new Uri(BaseUri, location);
        if (query is null) return absolute;
        var builder = new UriBuilder(absolute);
        var existing = builder.Query.TrimStart('?');
        builder.Query = existing.Length > 0 ? existing + "&" + query : query;
        return builder.Uri;
    }
}
