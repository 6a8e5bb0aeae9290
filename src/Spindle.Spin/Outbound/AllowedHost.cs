using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Spindle.Spin.Outbound;

/// <summary>
/// One parsed <c>allowed_outbound_hosts</c> entry, <c>&lt;scheme&gt;://&lt;host&gt;[:&lt;port&gt;]</c>, with Spin's
/// semantics (<c>crates/outbound-networking-config/src/allowed_hosts.rs</c>): <c>*</c> scheme/host/port,
/// <c>*.domain</c> suffixes, <c>self</c>, CIDR blocks, port ranges <c>a..b</c> (end exclusive) and default ports.
/// </summary>
public sealed partial class AllowedHost
{
    internal const string LearnMore = "Learn more: https://spinframework.dev/v3/http-outbound#granting-http-permissions-to-components";

    private AllowedHost(string original, string? scheme, AllowedHostKind hostKind, string host, IpNetwork? network, bool anyPort, int portStart, int portEnd)
    {
        Original = original;
        Scheme = scheme;
        HostKind = hostKind;
        Host = host;
        _network = network;
        AnyPort = anyPort;
        PortStart = portStart;
        PortEnd = portEnd;
    }

    private readonly IpNetwork? _network;

    /// <summary>The entry as written.</summary>
    public string Original { get; }

    /// <summary>The scheme, or null for <c>*</c> (any scheme).</summary>
    public string? Scheme { get; }

    public AllowedHostKind HostKind { get; }

    /// <summary>The literal host, the suffix (with its leading dot) for subdomain wildcards, or the CIDR text.</summary>
    public string Host { get; }

    /// <summary>True for port <c>*</c>.</summary>
    public bool AnyPort { get; }

    /// <summary>First allowed port (inclusive) unless <see cref="AnyPort"/>.</summary>
    public int PortStart { get; }

    /// <summary>End of the allowed ports (exclusive) unless <see cref="AnyPort"/>.</summary>
    public int PortEnd { get; }

    /// <summary>True when the host is <c>x.spin.internal</c> or <c>*.spin.internal</c> (local service chaining).</summary>
    public bool IsServiceChaining =>
        (HostKind == AllowedHostKind.Literal && OutboundUrl.ServiceChainingTarget(Host) is not null)
        || (HostKind == AllowedHostKind.AnySubdomain && Host == ".spin.internal");

    public static AllowedHost Parse(string text)
        => TryParse(text, out var host, out var error) ? host : throw new OutboundHostsException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out AllowedHost? host, [NotNullWhen(false)] out string? error)
    {
        host = null;
        var url = text.Trim();
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0)
        {
            error = url is "*" or ":" or "" or "?"
                ? $"{RustDebug.String(url)} is not an allowed outbound host format.\nHosts must be in the form <scheme>://<host>[:<port>], with '*' wildcards allowed for each.\nIf you intended to allow all outbound networking, you can use '*://*:*' - this will obviate all network sandboxing.\n{LearnMore}"
                : $"{RustDebug.String(url)} does not contain a scheme (e.g., 'http://' or '*://')\n{LearnMore}";
            return false;
        }

        var scheme = url[..separator];
        var rest = url[(separator + 3)..];
        var colon = rest.LastIndexOf(':');
        var hostText = colon < 0 ? rest : rest[..colon];
        var portText = colon < 0 ? "" : rest[(colon + 1)..];
        var slash = portText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (slash + 1 < portText.Length)
            {
                error = $"{RustDebug.String(url)} has a path but is not allowed to";
                return false;
            }

            portText = portText[..slash];
        }

        if (!TryParseScheme(scheme, out var parsedScheme, out error)) return false;
        if (!TryParseHost(hostText, out var kind, out var parsedHost, out var network, out error)) return false;
        if (!TryParsePort(portText, scheme, out var anyPort, out var start, out var end, out error)) return false;
        host = new AllowedHost(text, parsedScheme, kind, parsedHost, network, anyPort, start, end);
        return true;
    }

    /// <summary>Whether this entry allows the URL (scheme, host and port).</summary>
    public bool Allows(OutboundUrl url)
        => (Scheme is null || Scheme == url.Scheme) && AllowsHost(url.Host) && AllowsPort(url.Port, url.Scheme);

    /// <summary>Whether a relative (self) request with one of the schemes is allowed: host <c>*</c> or <c>self</c>.</summary>
    public bool AllowsRelative(ReadOnlySpan<string> schemes)
    {
        if (HostKind is not (AllowedHostKind.Any or AllowedHostKind.Self)) return false;
        if (Scheme is null) return true;
        foreach (var s in schemes)
        {
            if (s == Scheme) return true;
        }

        return false;
    }

    public override string ToString() => Original;

    private bool AllowsHost(string host) => HostKind switch
    {
        AllowedHostKind.Any => true,
        AllowedHostKind.AnySubdomain => host.EndsWith(Host, StringComparison.Ordinal),
        AllowedHostKind.Literal => host == Host,
        AllowedHostKind.Cidr => IPAddress.TryParse(host.Trim('[', ']'), out var ip) && _network!.Contains(ip),
        _ => false,
    };

    private bool AllowsPort(int? port, string scheme)
    {
        if (AnyPort) return true;
        var effective = port ?? WellKnownPort(scheme);
        return effective is { } p && p >= PortStart && p < PortEnd;
    }

    /// <summary>The default port Spin assumes for a scheme, or null when the scheme requires an explicit port.</summary>
    public static int? WellKnownPort(string scheme) => scheme switch
    {
        "postgres" => 5432,
        "mysql" => 3306,
        "redis" => 6379,
        "mqtt" => 1883,
        "http" => 80,
        "https" => 443,
        _ => null,
    };
}
