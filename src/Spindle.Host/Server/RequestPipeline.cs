using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Spindle.Host.Execution;
using Spindle.Host.Http;
using Spindle.Host.Routing;
using Spindle.Wasm;

namespace Spindle.Host.Server;

/// <summary>
/// Spin's request pipeline (<c>crates/trigger-http/src/server.rs</c>): forbidden headers stripped, the reserved
/// <c>/.well-known/spin/</c> endpoints, routing (404 with an empty body on a miss), then a fresh component instance,
/// with bounded concurrency; any executor failure answers 500 with an empty body and is logged.
/// </summary>
internal sealed class RequestPipeline : IDisposable
{
    private readonly SpinApplication _app;
    private readonly SpinHostOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private int _queued;
    private int _warnedNoRoute;

    public RequestPipeline(SpinApplication app, SpinHostOptions options, ILogger logger)
    {
        _app = app;
        _options = options;
        _logger = logger;
        _slots = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context);
        }
        catch (Exception failure) when (!context.RequestAborted.IsCancellationRequested && failure is not BadHttpRequestException)
        {
            // Kestrel still answers 500, but the web host's own loggers are cleared: without this nobody hears of it.
            HostLog.RequestFailed(_logger, failure, context.Request.Method, context.Request.Path);
            throw;
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var (path, query) = SplitTarget(context);
        if (path.StartsWith(Router.WellKnownPrefix, StringComparison.Ordinal))
        {
            await WriteWellKnownAsync(context, path[Router.WellKnownPrefix.Length..]);
            return;
        }

        var match = _app.Router.Route(path);
        if (match is null)
        {
            if (Interlocked.Exchange(ref _warnedNoRoute, 1) == 0)
            {
                HostLog.NoRoute(_logger, path);
            }

            context.Response.StatusCode = 404;
            return;
        }

        if (match.Key.IsTrigger)
        {
            var fixedResponse = _app.StaticResponses[match.Key.Id];
            await WriteAsync(context, new ComponentResponse(fixedResponse.Status, fixedResponse.Headers, fixedResponse.Body));
            return;
        }

        // The queue and the slot come before the body: a rejected or queued request must not hold up to Kestrel's
        // body limit in memory, or the 503 limit would not bound the host's memory.
        if (Interlocked.Increment(ref _queued) > _options.MaxQueuedRequests + _options.MaxConcurrentRequests)
        {
            Interlocked.Decrement(ref _queued);
            HostLog.QueueFull(_logger, _options.MaxQueuedRequests);
            context.Response.StatusCode = 503;
            return;
        }

        try
        {
            await _slots.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _queued);
            return;
        }

        ComponentResponse response;
        try
        {
            var request = new ComponentRequest
            {
                Method = context.Request.Method,
                Scheme = context.Request.Scheme,
                Path = path,
                Query = query,
                Protocol = ProtocolName(context.Request.Protocol),
                Headers = CollectHeaders(context.Request.Headers),
                Body = await ReadBodyAsync(context.Request, context.RequestAborted),
                ClientAddress = new IPEndPoint(context.Connection.RemoteIpAddress ?? IPAddress.Loopback, context.Connection.RemotePort),
                Match = match,
            };
            response = Execute(match.Key.Id, request, context.RequestAborted);
        }
        finally
        {
            _slots.Release();
            Interlocked.Decrement(ref _queued);
        }

        await WriteAsync(context, response);
    }

    /// <summary>Runs the component; every failure becomes an empty 500 and a log entry naming the component.</summary>
    internal ComponentResponse Execute(string componentId, ComponentRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return _app.Executors[componentId].Execute(request, cancellationToken);
        }
        catch (TrapException trap) when (trap.Kind == TrapKind.Interrupted && cancellationToken.IsCancellationRequested)
        {
            // The executor interrupts the guest when the client goes away, with the same trap as the timeout.
            HostLog.ClientAborted(_logger, componentId);
        }
        catch (TrapException trap) when (trap.Kind == TrapKind.Interrupted)
        {
            HostLog.TimedOut(_logger, componentId, _options.RequestTimeout);
        }
        catch (TrapException trap)
        {
            HostLog.Trapped(_logger, componentId, trap.Message, string.Join('\n', trap.WasmStackTrace.Select(frame => "    at " + frame)));
        }
        catch (ComponentExecutionException failure)
        {
            HostLog.ExecutionFailed(_logger, componentId, failure.Message);
        }
        catch (WasmException failure)
        {
            HostLog.ExecutionFailed(_logger, componentId, failure.Message);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            HostLog.Unexpected(_logger, failure, componentId);
        }

        return ComponentResponse.Empty(500);
    }

    public void Dispose() => _slots.Dispose();

    private async Task WriteWellKnownAsync(HttpContext context, string name)
    {
        switch (name)
        {
            case "health":
                context.Response.StatusCode = 200;
                await context.Response.Body.WriteAsync("OK"u8.ToArray(), context.RequestAborted);
                break;
            case "info":
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(AppInfoJson(_app), context.RequestAborted);
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    /// <summary>Spin's <c>AppInfo</c>: <c>{"name":..}</c> plus <c>version</c> and <c>oci_image_digest</c> when known, compact.</summary>
    internal static byte[] AppInfoJson(SpinApplication app)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", app.Name);
            if (app.Version is not null)
            {
                json.WriteString("version", app.Version);
            }

            if (app.OciImageDigest is not null)
            {
                json.WriteString("oci_image_digest", app.OciImageDigest);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, ComponentResponse response)
    {
        var http = context.Response;
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            http.Headers[name] = value;
        }

        if (response.Body.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
        {
            http.ContentLength = response.Body.Length;
            await http.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    /// <summary>The raw path (not percent-decoded, as Spin matches it) and the query without '?'.</summary>
    internal static (string Path, string? Query) SplitTarget(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            if (target is not null && Uri.TryCreate(target, UriKind.Absolute, out var absolute))
            {
                target = absolute.PathAndQuery;
            }
            else
            {
                var request = context.Request;
                target = request.PathBase + request.Path + request.QueryString;
            }
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, null) : (target[..question], target[(question + 1)..]);
    }

    private static List<KeyValuePair<string, string>> CollectHeaders(IHeaderDictionary headers)
    {
        var result = new List<KeyValuePair<string, string>>(headers.Count);
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                if (value is not null && !ForbiddenHeaders.IsForbidden(name, value))
                {
                    result.Add(new(name, value));
                }
            }
        }

        return result;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return [];
        }

        using var buffer = new MemoryStream(InitialBodyCapacity(request.ContentLength));
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// Content-Length is the client's claim, checked against Kestrel's body limit only when the body is read: trust it
    /// only up to 1 MiB so a lying header cannot make the host allocate gigabytes before a single byte arrives.
    /// </summary>
    internal static int InitialBodyCapacity(long? contentLength) =>
        contentLength is { } length and > 0 ? (int)Math.Min(length, MaxTrustedContentLength) : 0;

    private const int MaxTrustedContentLength = 1 << 20;

    /// <summary>Spin prints the version with Rust's <c>Debug</c>: <c>HTTP/1.1</c>, <c>HTTP/2.0</c>, <c>HTTP/3.0</c>.</summary>
    internal static string ProtocolName(string protocol) => protocol switch
    {
        "HTTP/2" => "HTTP/2.0",
        "HTTP/3" => "HTTP/3.0",
        _ => protocol,
    };
}
