namespace Spindle.Spin.Outbound;

/// <summary>
/// Converts the deprecated <c>allowed_http_hosts</c> to <c>allowed_outbound_hosts</c> entries as Spin's
/// <c>compat</c> module does: each host becomes <c>http://h[:p]</c> and <c>https://h[:p]</c>, <c>self</c> becomes
/// <c>http://self</c>, and <c>insecure:allow-all</c> becomes <c>http://*:*</c>, <c>https://*:*</c>, <c>http://self</c>.
/// </summary>
internal static class AllowedHttpHostsConverter
{
    /// <summary>What a Spin 1 component without <c>allowed_outbound_hosts</c> could reach: every database.</summary>
    public static IReadOnlyList<string> LegacyDatabaseHosts { get; } = ["redis://*:*", "mysql://*:*", "postgres://*:*"];

    public static IReadOnlyList<string> ToAllowedOutboundHosts(IReadOnlyList<string> allowedHttpHosts, bool allowDatabaseAccess)
    {
        var result = new List<string>();
        if (allowDatabaseAccess) result.AddRange(LegacyDatabaseHosts);
        if (allowedHttpHosts.Contains("insecure:allow-all"))
        {
            result.AddRange(["http://*:*", "https://*:*", "http://self"]);
            return result;
        }

        List<string>? errors = null;
        foreach (var text in allowedHttpHosts)
        {
            if (!TryParse(text, out var host, out var port, out var error))
            {
                (errors ??= []).Add(error!);
                continue;
            }

            if (host == "self")
            {
                result.Add("http://self");
                continue;
            }

            var suffix = port is { } p ? $":{p}" : "";
            result.Add($"http://{host}{suffix}");
            result.Add($"https://{host}{suffix}");
        }

        if (errors is not null)
        {
            throw new OutboundHostsException($"One or more allowed_http_hosts entries was invalid:\n{string.Join("\n", errors)}");
        }

        return result;
    }

    private static bool TryParse(string text, out string host, out int? port, out string? error)
    {
        host = "";
        port = null;
        error = null;
        var schemed = text.Contains("//", StringComparison.Ordinal);
        if (!Uri.TryCreate(schemed ? text : $"http://{text}", UriKind.Absolute, out var uri))
        {
            error = schemed ? $"{text} isn't a valid HTTP host URL" : $"{text} isn't a valid host or host:port string";
            return false;
        }

        if (uri.Scheme is not ("http" or "https"))
        {
            error = $"{text} isn't a valid host or host:port string";
            return false;
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            error = $"{text} doesn't contain a host name";
            return false;
        }

        if (uri.AbsolutePath.Length > 1 || uri.Query.Length > 0)
        {
            error = $"{text} contains a path, should be host and optional port only";
            return false;
        }

        host = uri.Host;
        port = uri.IsDefaultPort ? null : uri.Port;
        return true;
    }
}
