using System.Text;
using Spindle.Host.Execution;

namespace Spindle.Host.Wagi;

/// <summary>
/// Turns a Wagi component's stdout into a response as Spin's <c>compose_response</c> does: a CGI header block ended by
/// the first blank line ('\r' ignored), <c>Content-Type</c>, <c>Status: 404 Not Found</c> (unparsable → 502),
/// <c>Location</c> (302 unless a status is given), other headers copied; none of the three → 500 with Spin's message.
/// </summary>
internal static class WagiOutput
{
    public const string InsufficientResponseMessage = "Exactly one of 'location' or 'content-type' must be specified";

    /// <exception cref="ComponentExecutionException">The output is empty, its header block is not UTF-8, or a header value is invalid.</exception>
    public static ComponentResponse Parse(ReadOnlySpan<byte> stdout, string componentId)
    {
        if (stdout.IsEmpty)
        {
            throw new ComponentExecutionException(
                $"The \"{componentId}\" component is configured to use the WAGI executor but did not write to stdout. Check the `executor` in spin.toml.");
        }

        SplitHeaderBlock(stdout, out var headerBlock, out var body);
        string headerText;
        try
        {
            headerText = new UTF8Encoding(false, true).GetString(headerBlock);
        }
        catch (DecoderFallbackException e)
        {
            throw new ComponentExecutionException($"component {componentId}: the CGI header block is not valid UTF-8", e);
        }

        var status = 200;
        int? explicitStatus = null;
        var sufficient = false;
        var hasLocation = false;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in ParseCgiHeaders(headerText))
        {
            switch (name.ToLowerInvariant())
            {
                case "content-type":
                    sufficient = true;
                    Set(headers, "Content-Type", CheckValue(value, name, componentId));
                    break;
                case "status":
                    sufficient = true;
                    var space = value.IndexOf(' ', StringComparison.Ordinal);
                    explicitStatus = TryParseStatus(space < 0 ? value : value[..space], out var code) ? code : 502;
                    break;
                case "location":
                    sufficient = true;
                    hasLocation = true;
                    Set(headers, "Location", CheckValue(value, name, componentId));
                    break;
                default:
                    // Spin drops (and logs) a header whose name is not a valid HTTP token.
                    if (IsToken(name))
                    {
                        Set(headers, name.ToLowerInvariant(), CheckValue(value, name, componentId));
                    }

                    break;
            }
        }

        if (!sufficient)
        {
            return new ComponentResponse(500, [], Encoding.UTF8.GetBytes(InsufficientResponseMessage));
        }

        status = explicitStatus ?? (hasLocation ? 302 : status);
        return new ComponentResponse(status, headers, body);
    }

    /// <summary>The bytes before the first blank line (CRs dropped) and the body after it; no blank line → no headers, all body.</summary>
    internal static void SplitHeaderBlock(ReadOnlySpan<byte> stdout, out byte[] headerBlock, out byte[] body)
    {
        var buffer = new List<byte>(Math.Min(stdout.Length, 1024));
        byte last = 0;
        for (var i = 0; i < stdout.Length; i++)
        {
            var b = stdout[i];
            if (b == '\r')
            {
                continue;
            }

            if (b == '\n' && last == '\n')
            {
                headerBlock = [.. buffer];
                body = stdout[(i + 1)..].ToArray();
                return;
            }

            last = b;
            buffer.Add(b);
        }

        // Without a blank line Spin keeps everything (less the CRs it skipped) as the body and finds no headers.
        headerBlock = [];
        body = [.. buffer];
    }

    /// <summary>Spin's <c>parse_cgi_headers</c>: trimmed <c>Name: value</c> lines; lines without ':' are skipped; a repeated name keeps its last value.</summary>
    internal static List<KeyValuePair<string, string>> ParseCgiHeaders(string block)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var line in block.Trim().Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            Set(result, line[..colon].Trim(), line[(colon + 1)..].Trim(), StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary><c>http::StatusCode::from_str</c>: exactly three ASCII digits, 100 to 999.</summary>
    internal static bool TryParseStatus(string text, out int code)
    {
        code = 0;
        if (text.Length != 3 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[2]))
        {
            return false;
        }

        var value = (text[0] - '0') * 100 + (text[1] - '0') * 10 + (text[2] - '0');
        code = value >= 100 ? value : 0;
        return value >= 100;
    }

    internal static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c > '~' || c <= ' ' || "\"(),/:;<=>?@[\\]{}".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string CheckValue(string value, string name, string componentId)
    {
        foreach (var c in value)
        {
            if (c != '\t' && (c < ' ' || c == '\x7f'))
            {
                throw new ComponentExecutionException($"component {componentId}: CGI header '{name}' has an invalid value (control character U+{(int)c:X4})");
            }
        }

        return value;
    }

    private static void Set(List<KeyValuePair<string, string>> headers, string name, string value, StringComparison comparison = StringComparison.OrdinalIgnoreCase)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Key, name, comparison))
            {
                headers[i] = new(name, value);
                return;
            }
        }

        headers.Add(new(name, value));
    }
}
