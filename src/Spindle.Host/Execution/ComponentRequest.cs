using System.Net;
using Spindle.Host.Http;
using Spindle.Host.Routing;

namespace Spindle.Host.Execution;

/// <summary>A request routed to a component, with the body fully read and forbidden headers already removed.</summary>
internal sealed class ComponentRequest
{
    public required string Method { get; init; }

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public string Scheme { get; init; } = "http";

    /// <summary>The raw request path, not percent-decoded (what the router matched).</summary>
    public required string Path { get; init; }

    /// <summary>The query without '?', or null when the URI has none.</summary>
    public string? Query { get; init; }

    /// <summary>The HTTP version as Spin's <c>Debug</c> prints it: <c>HTTP/1.1</c>, <c>HTTP/2.0</c>.</summary>
    public string Protocol { get; init; } = "HTTP/1.1";

    /// <summary>Request headers in arrival order (a repeated header appears once per value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[] Body { get; init; } = [];

    public required IPEndPoint ClientAddress { get; init; }

    public required RouteMatch Match { get; init; }

    public string PathAndQuery => Query is null ? Path : Path + "?" + Query;

    /// <summary>The <c>Host</c> header, or <c>localhost</c> as Spin assumes when there is none.</summary>
    public string Host => TryGetHeader("Host") ?? "localhost";

    /// <summary>The last value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? TryGetHeader(string name) => HeaderList.TryGetLast(Headers, name);
}
