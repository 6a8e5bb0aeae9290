using Spindle.Spin.Manifest;
using Spindle.Toml;

namespace Spindle.Spin;

/// <summary>
/// Parses the TOML files Spin reads (spin.toml, runtime-config.toml), turning a syntax error into one
/// <see cref="ManifestError"/> at its line and column so each file type reports it with its own exception.
/// </summary>
internal static class TomlInput
{
    /// <summary>Parses strict UTF-8 (a file's bytes: invalid UTF-8 is an error, not replaced).</summary>
    public static TomlTable Parse(ReadOnlySpan<byte> utf8, string sourceName, Func<IReadOnlyList<ManifestError>, SpinException> fail)
    {
        try
        {
            return TomlDocument.Parse(utf8, sourceName);
        }
        catch (TomlException e)
        {
            throw fail([Error(e, sourceName)]);
        }
    }

    public static TomlTable Parse(string text, string sourceName, Func<IReadOnlyList<ManifestError>, SpinException> fail)
    {
        try
        {
            return TomlDocument.Parse(text, sourceName);
        }
        catch (TomlException e)
        {
            throw fail([Error(e, sourceName)]);
        }
    }

    private static ManifestError Error(TomlException e, string sourceName) =>
        new(sourceName, e.Line, e.Column, $"TOML parse error: {e.Reason}");
}
