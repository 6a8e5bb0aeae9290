using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spindle.Kubernetes.Config;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes;

/// <summary>
/// A connection to one API server as one user. Typed operations live on <see cref="ResourceClient{T}"/>:
/// <c>client.Resource(ApiResource.ConfigMaps, MyJsonContext.Default.ConfigMap)</c>. Thread-safe; share one per process.
/// </summary>
public sealed partial class KubernetesClient : IDisposable
{
    private const int MaxThrottledRetries = 5;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http;
    private readonly CredentialSource? _credentials;
    private readonly ExecCredentialProvider? _exec;
    private readonly TimeSpan _requestTimeout;
    private readonly KubernetesClientConfiguration? _configuration;
    private readonly ILogger _logger;

    /// <summary>A client for a resolved configuration (see <see cref="KubeConfigLoader"/>).</summary>
    public KubernetesClient(KubernetesClientConfiguration configuration, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(configuration, null, loggerFactory, timeProvider)
    {
    }

    /// <summary>With <paramref name="handler"/> set (tests), authentication runs but TLS settings are the handler's.</summary>
    internal KubernetesClient(KubernetesClientConfiguration configuration, HttpMessageHandler? handler, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = LoggerFactory.CreateLogger<KubernetesClient>();
        DefaultNamespace = configuration.Namespace;
        _configuration = configuration;
        _requestTimeout = configuration.RequestTimeout;
        _exec = configuration.Exec is null ? null : new ExecCredentialProvider(configuration.Exec, configuration, TimeProvider);
        _credentials = new CredentialSource(configuration, _exec, TimeProvider);
        _http = new HttpClient(handler ?? TlsHandlerFactory.Create(configuration, _exec), disposeHandler: handler is null)
        {
            BaseAddress = configuration.Server,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>A client over any handler (an in-process fake in tests); no authentication is added.</summary>
    public KubernetesClient(HttpMessageHandler handler, Uri server, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = LoggerFactory.CreateLogger<KubernetesClient>();
        _requestTimeout = TimeSpan.FromSeconds(60);
        _http = new HttpClient(handler, disposeHandler: false) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The kubeconfig context's namespace, or the pod's namespace in a cluster.</summary>
    public string DefaultNamespace { get; } = "default";

    public TimeProvider TimeProvider { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Typed operations on one resource, (de)serialized with <paramref name="typeInfo"/> from any JsonSerializerContext.</summary>
    public ResourceClient<T> Resource<T>(ApiResource resource, JsonTypeInfo<T> typeInfo)
        where T : class, IKubernetesObject =>
        new(this, resource, typeInfo);

    /// <summary>GET /version: the server's gitVersion ("v1.20.2"); a cheap reachability and credentials check.</summary>
    public async Task<string> GetServerVersionAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "/version", null, streaming: false, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var version = JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.DictionaryStringString);
        return version is not null && version.TryGetValue("gitVersion", out var git) ? git : "";
    }

    /// <summary>Sends one request; throws <see cref="KubernetesApiException"/> with the server's Status on any non-2xx answer.</summary>
    internal async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, Func<HttpContent>? content, bool streaming, CancellationToken cancellationToken)
    {
        using var timeout = streaming ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout?.CancelAfter(_requestTimeout);
        var token = timeout?.Token ?? cancellationToken;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content?.Invoke() };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (_credentials is not null) request.Headers.Authorization = await _credentials.GetAuthorizationAsync(token);
            if (_configuration?.Impersonate is { } user)
            {
                request.Headers.Add("Impersonate-User", user);
                foreach (var group in _configuration.ImpersonateGroups) request.Headers.Add("Impersonate-Group", group);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, token);
            }
            catch (OperationCanceledException e) when (timeout is not null && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{method} {pathAndQuery}: no answer from the API server within {_requestTimeout.TotalSeconds:0} s.", e);
            }

            if (response.IsSuccessStatusCode)
            {
                Log.Request(_logger, method.Method, pathAndQuery, (int)response.StatusCode);
                return response;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0 && _credentials is { CanRefresh: true })
                {
                    Log.Reauthenticating(_logger, pathAndQuery);
                    _credentials.Invalidate();
                    continue;
                }

                // API priority and fairness sheds load with 429 + Retry-After; client-go waits and retries.
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxThrottledRetries)
                {
                    var delay = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    if (delay > MaxRetryAfter) delay = MaxRetryAfter;
                    Log.Throttled(_logger, pathAndQuery, delay.TotalSeconds);
                    await Task.Delay(delay, TimeProvider, token);
                    continue;
                }

                var status = await ReadStatusAsync(response, token);
                Log.RequestFailed(_logger, method.Method, pathAndQuery, status.Code, status.Reason);
                throw new KubernetesApiException(status, method.Method + " " + pathAndQuery);
            }
        }
    }

    private static async Task<Status> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Status? status = null;
        try
        {
            if (body.Length > 0 && body[0] == (byte)'{') status = JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.Status);
        }
        catch (JsonException)
        {
            // Not a Status (a proxy's error page): fall back to the HTTP status line below.
        }

        if (status is null || status.Kind != "Status")
        {
            var text = System.Text.Encoding.UTF8.GetString(body).Trim();
            status = new Status
            {
                Kind = "Status",
                StatusValue = "Failure",
                Code = (int)response.StatusCode,
                Reason = response.ReasonPhrase,
                Message = text.Length > 500 ? text[..500] : text,
            };
        }
        else if (status.Code == 0)
        {
            status.Code = (int)response.StatusCode;
        }

        return status;
    }

    public void Dispose()
    {
        _http.Dispose();
        _exec?.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "{Method} {Path} -> {Code}")]
        public static partial void Request(ILogger logger, string method, string path, int code);

        [LoggerMessage(2, LogLevel.Debug, "{Method} {Path} failed: {Code} {Reason}")]
        public static partial void RequestFailed(ILogger logger, string method, string path, int code, string? reason);

        [LoggerMessage(3, LogLevel.Information, "401 Unauthorized on {Path}: refreshing credentials and retrying once")]
        public static partial void Reauthenticating(ILogger logger, string path);

        [LoggerMessage(4, LogLevel.Information, "429 Too Many Requests on {Path}: retrying in {Seconds} s")]
        public static partial void Throttled(ILogger logger, string path, double seconds);
    }
}
