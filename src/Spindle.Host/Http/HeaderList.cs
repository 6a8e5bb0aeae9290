namespace Spindle.Host.Http;

/// <summary>Lookups in the ordered name/value header lists requests and responses carry.</summary>
internal static class HeaderList
{
    /// <summary>The last value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public static string? TryGetLast(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        string? value = null;
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = header.Value;
            }
        }

        return value;
    }
}
