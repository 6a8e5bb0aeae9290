using System.Text;
using System.Text.RegularExpressions;

namespace Spindle.Spin.Locked;

/// <summary>
/// Glob patterns as Spin's <c>glob</c> crate reads them: <c>*</c>, <c>?</c>, <c>[abc]</c>/<c>[!abc]</c>, and <c>**</c>
/// for any number of directories. For <c>files</c> a <c>*</c> stays within one path segment (the crate walks
/// directories segment by segment); for <c>exclude_files</c> it may cross <c>/</c> (<c>Pattern::matches_path</c>
/// with default options).
/// </summary>
internal sealed class FileGlob
{
    private readonly Regex _regex;

    private FileGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    public static bool LooksLikeGlob(string text) => text.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>A <c>files</c> pattern: <c>*</c> does not cross directories.</summary>
    public static FileGlob ForFiles(string pattern) => new(pattern, Compile(pattern, starCrossesSeparator: false));

    /// <summary>An <c>exclude_files</c> pattern: <c>*</c> may cross directories.</summary>
    public static FileGlob ForExclude(string pattern) => new(pattern, Compile(pattern, starCrossesSeparator: true));

    /// <summary>Matches a path relative to the app directory, with '/' separators.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    /// <summary>The directory part before the first wildcard segment, where enumeration can start.</summary>
    public string LiteralPrefix
    {
        get
        {
            var segments = Pattern.Split('/');
            var prefix = new List<string>();
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (LooksLikeGlob(segments[i])) break;
                prefix.Add(segments[i]);
            }

            return string.Join('/', prefix);
        }
    }

    private static Regex Compile(string pattern, bool starCrossesSeparator)
    {
        if (pattern.StartsWith("./", StringComparison.Ordinal)) pattern = pattern[2..];
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    var slashFollows = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    builder.Append(slashFollows ? "(?:.*/)?" : ".*");
                    i += slashFollows ? 2 : 1;
                    break;
                case '*':
                    builder.Append(starCrossesSeparator ? ".*" : "[^/]*");
                    break;
                case '?':
                    builder.Append(starCrossesSeparator ? "." : "[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        builder.Append("\\[");
                        break;
                    }

                    var set = pattern[(i + 1)..close];
                    builder.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
