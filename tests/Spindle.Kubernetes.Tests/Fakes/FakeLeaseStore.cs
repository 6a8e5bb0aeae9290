using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Spindle.Kubernetes.Tests.Fakes;

/// <summary>An API server that stores Leases with optimistic concurrency (resourceVersion), enough for leader election.</summary>
internal sealed class FakeLeaseStore : HttpMessageHandler
{
    private readonly Dictionary<string, JsonObject> _leases = [];
    private int _version;

    /// <summary>When set, every request fails with 500 (the API server is unreachable for the leader).</summary>
    public bool Failing { get; set; }

    public JsonObject? Lease(string name)
    {
        lock (_leases) return _leases.TryGetValue(name, out var lease) ? (JsonObject)lease.DeepClone() : null;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Failing) return Respond(HttpStatusCode.InternalServerError, Status(500, "InternalError", "etcd unavailable"));
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        lock (_leases)
        {
            if (request.Method == HttpMethod.Post)
            {
                var name = body!["metadata"]!["name"]!.GetValue<string>();
                if (_leases.ContainsKey(name)) return Respond(HttpStatusCode.Conflict, Status(409, "AlreadyExists", "exists"));
                return Store(name, body);
            }

            var leaseName = path[(path.LastIndexOf('/') + 1)..];
            _leases.TryGetValue(leaseName, out var current);
            if (request.Method == HttpMethod.Get)
                return current is null ? Respond(HttpStatusCode.NotFound, Status(404, "NotFound", "not found")) : Respond(HttpStatusCode.OK, current);

            // PUT: compare-and-swap on resourceVersion, as the real server does.
            if (current is null) return Respond(HttpStatusCode.NotFound, Status(404, "NotFound", "not found"));
            if (body!["metadata"]?["resourceVersion"]?.GetValue<string>() != current["metadata"]!["resourceVersion"]!.GetValue<string>())
                return Respond(HttpStatusCode.Conflict, Status(409, "Conflict", "the object has been modified"));
            return Store(leaseName, body);
        }
    }

    private HttpResponseMessage Store(string name, JsonObject lease)
    {
        lease["metadata"]!["resourceVersion"] = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _leases[name] = lease;
        return Respond(HttpStatusCode.OK, lease);
    }

    private static JsonObject Status(int code, string reason, string message) =>
        new() { ["kind"] = "Status", ["status"] = "Failure", ["code"] = code, ["reason"] = reason, ["message"] = message };

    private static HttpResponseMessage Respond(HttpStatusCode code, JsonNode body) =>
        new(code) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
