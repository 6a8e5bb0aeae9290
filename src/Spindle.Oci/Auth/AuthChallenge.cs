namespace Spindle.Oci.Auth;

/// <summary>
/// One challenge of a WWW-Authenticate header (RFC 7235): <c>Bearer realm="...",service="...",scope="..."</c> or
/// <c>Basic realm="..."</c>. Only the first challenge is kept: registries send one.
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    public static AuthChallenge? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var text = header.AsSpan().Trim();
        var space = text.IndexOf(' ');
        var scheme = (space < 0 ? text : text[..space]).ToString();
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = space < 0 ? text.Length : space + 1;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ',')) i++;
            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',' && text[i] != ' ') i++;
            var name = text[nameStart..i].ToString();
            if (i >= text.Length || text[i] != '=')
            {
                // A bare token after parameters starts the next challenge: stop at the first.
                if (parameters.Count > 0) break;
                continue;
            }

            i++;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                i++;
                var builder = new System.Text.StringBuilder();
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    builder.Append(text[i++]);
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] != ',') i++;
                value = text[valueStart..i].Trim().ToString();
            }

            if (name.Length > 0) parameters[name] = value;
        }

        return new AuthChallenge(scheme, parameters);
    }
}
