namespace Spindle.Toml;

/// <summary>Reads TOML 1.0 documents into <see cref="TomlTable"/>s that keep positions and key order.</summary>
public static class TomlDocument
{
    /// <summary>Parses TOML text; <paramref name="sourceName"/> prefixes error messages (e.g. "spin.toml").</summary>
    public static TomlTable Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TomlParser.Parse(text, sourceName);
    }

    /// <summary>Parses UTF-8 bytes (a BOM is allowed); invalid UTF-8 is reported with its line and column.</summary>
    public static TomlTable Parse(ReadOnlySpan<byte> utf8, string? sourceName = null)
        => TomlUtf8.Parse(utf8, sourceName);

    /// <summary>Reads and parses a file; error messages name the file as given.</summary>
    public static TomlTable ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TomlUtf8.ParseFile(path);
    }
}
