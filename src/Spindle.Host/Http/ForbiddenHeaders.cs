namespace Spindle.Host.Http;

/// <summary>
/// Spin's <c>strip_forbidden_headers</c>: <c>Connection</c> never reaches a component, nor a <c>Host</c> naming a
/// service-chaining host (<c>*.spin.internal</c>, with or without a port).
/// </summary>
internal static class ForbiddenHeaders
{
    public const string ServiceChainingSuffix = ".spin.internal";

    public static bool IsForbidden(string name, string value)
    {
        if (string.Equals(name, "Connection", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase) && IsServiceChainingHost(value);
    }

    /// <summary>Whether <paramref name="host"/> (a Host header value) names a component of this app: <c>comp.spin.internal[:port]</c>.</summary>
    public static bool IsServiceChainingHost(string host)
    {
        var colon = host.LastIndexOf(':');
        var name = colon >= 0 && host.IndexOf(']', StringComparison.Ordinal) < colon ? host[..colon] : host;
        return name.EndsWith(ServiceChainingSuffix, StringComparison.OrdinalIgnoreCase);
    }
}
