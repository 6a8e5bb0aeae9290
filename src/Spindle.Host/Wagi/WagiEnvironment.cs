using System.Globalization;
using System.Text;
using Spindle.Host.Execution;
using Spindle.Host.Http;

namespace Spindle.Host.Wagi;

/// <summary>
/// The CGI environment Spin gives a Wagi component (<c>crates/http/src/wagi/mod.rs build_headers</c>, then the
/// <c>X_*</c> names of <c>compute_default_headers</c>, which overwrite <c>PATH_INFO</c>).
/// </summary>
internal static class WagiEnvironment
{
    public const string GatewayInterface = "CGI/1.1";
    public const string ServerSoftware = "WAGI/1";

    /// <summary>Spin hard-codes this "default host" between the URI's host and the Host header.</summary>
    private const string DefaultHost = "default_host";

    public static Dictionary<string, string> Build(ComponentRequest request)
    {
        var (serverName, serverPort) = ParseHost(request.TryGetHeader("Host"));
        var pathInfo = request.Match.TrailingWildcard;
        var decodedPathInfo = PercentDecode(pathInfo);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AUTH_TYPE"] = "",
            ["CONTENT_LENGTH"] = request.Body.Length.ToString(CultureInfo.InvariantCulture),
            // Spin looks up a header literally named CONTENT_TYPE, so this is usually empty (the value is in HTTP_CONTENT_TYPE).
            ["CONTENT_TYPE"] = request.TryGetHeader("CONTENT_TYPE") is { } contentType && IsVisibleAscii(contentType) ? contentType : "",
            ["X_FULL_URL"] = $"{request.Scheme}://{serverName}:{serverPort}{request.PathAndQuery}",
            ["GATEWAY_INTERFACE"] = GatewayInterface,
            ["X_MATCHED_ROUTE"] = request.Match.BasedRoute,
            ["QUERY_STRING"] = request.Query ?? "",
            ["REMOTE_ADDR"] = request.ClientAddress.Address.ToString(),
            ["REMOTE_HOST"] = request.ClientAddress.Address.ToString(),
            ["REMOTE_USER"] = "",
            ["REQUEST_METHOD"] = request.Method,
            ["SCRIPT_NAME"] = request.Match.BasedRouteOrPrefix,
            ["X_RAW_PATH_INFO"] = pathInfo,
            ["PATH_INFO"] = decodedPathInfo,
            ["PATH_TRANSLATED"] = decodedPathInfo,
            ["SERVER_NAME"] = serverName,
            ["SERVER_PORT"] = serverPort,
            ["SERVER_PROTOCOL"] = request.Protocol,
            ["SERVER_SOFTWARE"] = ServerSoftware,
        };

        foreach (var (name, value) in request.Headers)
        {
            var key = "HTTP_" + name.ToUpperInvariant().Replace('-', '_');
            if (key is "HTTP_AUTHORIZATION" or "HTTP_CONNECTION")
            {
                continue;
            }

            env[key] = IsVisibleAscii(value) ? value : "CORRUPT VALUE";
        }

        foreach (var header in SpinHeaders.Compute(request.Scheme, request.Host, request.PathAndQuery, request.Match, request.ClientAddress))
        {
            env[header.WagiName] = header.Value;
        }

        return env;
    }

    /// <summary>Spin's <c>parse_host_header_uri</c>: <c>localhost:80</c>, then the hard-coded default host, then the Host header's parts.</summary>
    internal static (string Name, string Port) ParseHost(string? hostHeader)
    {
        var name = "localhost";
        var port = "80";
        Apply(DefaultHost, ref name, ref port);
        if (hostHeader is not null)
        {
            Apply(hostHeader, ref name, ref port);
        }

        return (name, port);

        static void Apply(string value, ref string name, ref string port)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var first = colon < 0 ? value : value[..colon];
            if (first.Length > 0)
            {
                name = first;
            }

            if (colon >= 0 && colon + 1 < value.Length)
            {
                port = value[(colon + 1)..];
            }
        }
    }

    /// <summary>Percent-decodes like Rust's <c>percent_decode_str(..).decode_utf8_lossy()</c>: malformed escapes stay as written.</summary>
    internal static string PercentDecode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        var utf8 = Encoding.UTF8.GetBytes(value);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == '%' && i + 2 < utf8.Length && IsHex(utf8[i + 1]) && IsHex(utf8[i + 2]))
            {
                bytes.Add((byte)(HexValue(utf8[i + 1]) << 4 | HexValue(utf8[i + 2])));
                i += 2;
            }
            else
            {
                bytes.Add(utf8[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>What <c>http::HeaderValue::to_str</c> accepts: visible ASCII, space and tab.</summary>
    internal static bool IsVisibleAscii(string value)
    {
        foreach (var c in value)
        {
            if (c != '\t' && (c < ' ' || c > '~'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
