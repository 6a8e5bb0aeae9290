using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace Spindle.Kubernetes.Tests.Fakes;

/// <summary>
/// An in-process API server: each request is recorded and answered by the next scripted responder, so a test
/// states exactly which list, watch stream or error the client sees, in order.
/// </summary>
internal sealed class FakeApiServer : HttpMessageHandler
{
    private readonly Channel<Func<RecordedRequest, HttpResponseMessage>> _responders = Channel.CreateUnbounded<Func<RecordedRequest, HttpResponseMessage>>();

    public static Uri Address { get; } = new("https://fake.invalid:6443");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Requests as they arrive, for tests that wait for the client's next move.</summary>
    public Channel<RecordedRequest> Arrivals { get; } = Channel.CreateUnbounded<RecordedRequest>();

    public KubernetesClient CreateClient(TimeProvider? timeProvider = null) => new(this, Address, null, timeProvider);

    public void Respond(Func<RecordedRequest, HttpResponseMessage> responder) => _responders.Writer.TryWrite(responder);

    public void RespondJson(HttpStatusCode code, string json) => Respond(_ => Json(code, json));

    /// <summary>A watch response whose lines the test writes later through the returned stream.</summary>
    public WatchStream RespondWatch()
    {
        var stream = new WatchStream();
        Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) });
        return stream;
    }

    public static HttpResponseMessage Json(HttpStatusCode code, string json) =>
        new(code) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string StatusJson(int code, string reason, string message) =>
        $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"{{message}}","reason":"{{reason}}","code":{{code}}}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            body,
            request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("Impersonate-User", out var user) ? string.Join(",", user) : null,
            request.Headers.TryGetValues("Impersonate-Group", out var groups) ? string.Join(",", groups) : null);
        Requests.Enqueue(recorded);
        Arrivals.Writer.TryWrite(recorded);
        var responder = await _responders.Reader.ReadAsync(cancellationToken);
        return responder(recorded);
    }
}

internal sealed record RecordedRequest(
    string Method, string PathAndQuery, string? Body, string? ContentType, string? Authorization, string? ImpersonateUser, string? ImpersonateGroups);
