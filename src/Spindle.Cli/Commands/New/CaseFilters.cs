using System.Text;

namespace Spindle.Cli.Commands.New;

/// <summary>
/// The case filters of Spin's templates (<c>kebab_case</c>, <c>snake_case</c>, <c>pascal_case</c>), which use the
/// <c>heck</c> crate's word splitting: words break at non-alphanumeric characters, at a lower-case letter or digit
/// followed by an upper-case letter, and before the last capital of an acronym followed by a lower-case letter.
/// </summary>
internal static class CaseFilters
{
    public static string KebabCase(string text) => Join(Words(text), '-', pascal: false);

    public static string SnakeCase(string text) => Join(Words(text), '_', pascal: false);

    public static string PascalCase(string text) => Join(Words(text), null, pascal: true);

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = text[i - 1];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                {
                    Flush(words, current);
                }
            }

            current.Append(c);
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length == 0) return;
        words.Add(current.ToString());
        current.Clear();
    }

    private static string Join(List<string> words, char? separator, bool pascal)
    {
        var result = new StringBuilder();
        foreach (var word in words)
        {
            if (result.Length > 0 && separator is { } s) result.Append(s);
            var lower = word.ToLowerInvariant();
            result.Append(pascal ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower);
        }

        return result.ToString();
    }
}
