using System.Globalization;

namespace Spindle.Spin.Outbound;

/// <summary>
/// The scheme, host and port of a URL a guest wants to reach. A URL without <c>scheme://</c> is read with the
/// scheme of the interface it came through (e.g. <c>"example.com:8383"</c> on outbound HTTP), as Spin does.
/// User info is skipped, so passwords containing '#' or '/' do not confuse the host.
/// </summary>
public sealed class OutboundUrl
{
    private OutboundUrl(string original, string scheme, string host, int? port)
    {
        Original = original;
        Scheme = scheme;
        Host = host;
        Port = port;
    }

    public string Original { get; }

    public string Scheme { get; }

    /// <summary>The host, lower-cased; IPv6 addresses keep their brackets.</summary>
    public string Host { get; }

    /// <summary>The explicit port, or null for the scheme's default.</summary>
    public int? Port { get; }

    /// <summary><c>host[:port]</c>.</summary>
    public string Authority => Port is { } p ? $"{Host}:{p.ToString(CultureInfo.InvariantCulture)}" : Host;

    public static OutboundUrl Parse(string url, string defaultScheme)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = separator < 0 ? defaultScheme : url[..separator];
        var rest = separator < 0 ? url : url[(separator + 3)..];

        // User info ends at the last '@' before the first '/' (it may contain '#' or ':'); the authority then
        // ends at the first '/', '?' or '#'.
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var at = (slash < 0 ? rest : rest[..slash]).LastIndexOf('@');
        if (at >= 0) rest = rest[(at + 1)..];
        var pathStart = rest.IndexOfAny(['/', '?', '#']);

        var authority = pathStart < 0 ? rest : rest[..pathStart];
        string host;
        string? portText = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new OutboundHostsException($"{RustDebug.String(url)} has an invalid IPv6 host");
            host = authority[..(close + 1)];
            if (close + 1 < authority.Length && authority[close + 1] == ':') portText = authority[(close + 2)..];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            if (colon >= 0) portText = authority[(colon + 1)..];
        }

        if (host.Length == 0) throw new OutboundHostsException($"{RustDebug.String(url)} does not have a host component");
        int? port = null;
        if (!string.IsNullOrEmpty(portText))
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > ushort.MaxValue)
            {
                throw new OutboundHostsException($"{RustDebug.String(url)} has an invalid port number");
            }

            // As the URL standard does, an explicit default port is the same as none.
            if (AllowedHost.WellKnownPort(scheme) != p || scheme is not ("http" or "https")) port = p;
        }

        return new OutboundUrl(url, scheme.ToLowerInvariant(), host.ToLowerInvariant(), port);
    }

    /// <summary>The component id of a <c>&lt;id&gt;.spin.internal[:port]</c> host, else null.</summary>
    public static string? ServiceChainingTarget(string host)
    {
        var colon = host.LastIndexOf(':');
        if (colon >= 0) host = host[..colon];
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return null;
        return host[(dot + 1)..] == "spin.internal" ? host[..dot] : null;
    }

    public override string ToString() => Original;
}
