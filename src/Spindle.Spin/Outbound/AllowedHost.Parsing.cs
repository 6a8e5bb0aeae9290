using System.Globalization;

namespace Spindle.Spin.Outbound;

public sealed partial class AllowedHost
{
    private static bool TryParseScheme(string scheme, out string? parsed, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        parsed = null;
        error = null;
        if (scheme == "*") return true;
        if (scheme.StartsWith('{'))
        {
            error = "scheme lists are not yet supported";
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsLetter(c))
            {
                error = $"scheme {RustDebug.String(scheme)} contains non alphabetic character";
                return false;
            }
        }

        parsed = scheme;
        return true;
    }

    private static bool TryParseHost(string text, out AllowedHostKind kind, out string host, out IpNetwork? network, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        host = text.Trim();
        network = null;
        error = null;
        kind = AllowedHostKind.Literal;
        if (host == "*")
        {
            kind = AllowedHostKind.Any;
            return true;
        }

        if (host is "self" or "self.alt")
        {
            kind = AllowedHostKind.Self;
            return true;
        }

        if (host.StartsWith('{'))
        {
            error = host.EndsWith('}') ? "host lists are not yet supported" : $"Condition failed: `host.ends_with('}}')`";
            return false;
        }

        if (IpNetwork.TryParse(host, out network))
        {
            kind = AllowedHostKind.Cidr;
            host = network!.ToString();
            return true;
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var afterSlash = host[(slash + 1)..];
            var nextSlash = afterSlash.IndexOf('/', StringComparison.Ordinal);
            if ((nextSlash < 0 ? afterSlash : afterSlash[..nextSlash]).Length > 0)
            {
                error = "hosts must not contain paths";
                return false;
            }
        }

        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            var domain = host[2..];
            if (domain.Contains('*', StringComparison.Ordinal))
            {
                error = $"Invalid allowed host {host}: wildcards are allowed only as prefixes";
                return false;
            }

            kind = AllowedHostKind.AnySubdomain;
            host = "." + domain;
            return true;
        }

        if (host.Contains('*', StringComparison.Ordinal))
        {
            error = $"Invalid allowed host {host}: wildcards are allowed only as subdomains";
            return false;
        }

        host = host.TrimEnd('/');
        return true;
    }

    private static bool TryParsePort(string port, string scheme, out bool any, out int start, out int end, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        any = false;
        start = end = 0;
        error = null;
        if (port.Length == 0)
        {
            if (WellKnownPort(scheme) is { } known)
            {
                start = known;
                end = known + 1;
                return true;
            }

            error = $"no port was provided and the scheme {RustDebug.String(scheme)} does not have a known default port number";
            return false;
        }

        if (port == "*")
        {
            any = true;
            return true;
        }

        if (port.StartsWith('{'))
        {
            error = "port lists are not yet supported";
            return false;
        }

        var range = port.IndexOf("..", StringComparison.Ordinal);
        if (range >= 0)
        {
            if (!TryPort(port[..range], out start) || !TryPort(port[(range + 2)..], out end))
            {
                error = $"port range {RustDebug.String(port)} contains non-number";
                return false;
            }

            return true;
        }

        if (!TryPort(port, out start))
        {
            error = $"port {RustDebug.String(port)} is not a number";
            return false;
        }

        end = start + 1;
        return true;
    }

    private static bool TryPort(string text, out int port)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= ushort.MaxValue;
}
