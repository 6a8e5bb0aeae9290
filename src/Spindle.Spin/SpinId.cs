namespace Spindle.Spin;

/// <summary>
/// Spin's identifier rules (<c>spin_serde::id</c> and <c>spin_expressions::Key</c>), returning Spin's reason
/// text when an identifier is invalid and null when it is valid.
/// </summary>
internal static class SpinId
{
    /// <summary>Component ids, AI model names: <c>kebab-case</c> words.</summary>
    public static string? ValidateKebab(string id) => Validate(id, '-', lower: false);

    /// <summary>Key-value store and database labels: <c>snake_case</c> words.</summary>
    public static string? ValidateSnake(string id) => Validate(id, '_', lower: false);

    /// <summary>Variable names (app and component): lower-case <c>snake_case</c> words.</summary>
    public static string? ValidateLowerSnake(string id) => Validate(id, '_', lower: true);

    /// <summary>
    /// The resolver's stricter variable-name rule: lower-case letters, digits and single underscores,
    /// starting with a letter and ending with a letter or digit.
    /// </summary>
    public static string? ValidateVariableName(string key)
    {
        if (key.Length == 0) return "must not be empty";
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return $"invalid character {RustDebug.Char(c)}. Variable names may contain only lower-case letters, numbers, and underscores.";
            }
        }

        if (!char.IsAsciiLetterLower(key[0])) return "must start with a lowercase ASCII letter";
        if (!char.IsAsciiLetterOrDigit(key[^1])) return "must end with a lowercase ASCII letter or digit";
        if (key.Contains("__", StringComparison.Ordinal)) return "must not contain multiple consecutive underscores";
        return null;
    }

    private static string? Validate(string id, char delimiter, bool lower)
    {
        if (id.Length == 0) return "empty";
        var wrong = delimiter == '_' ? '-' : '_';
        if (id.Contains(wrong, StringComparison.Ordinal))
        {
            return $"words must be separated with {RustDebug.Char(delimiter)}, not {RustDebug.Char(wrong)}";
        }

        var index = 0;
        foreach (var word in id.Split(delimiter))
        {
            if (word.Length == 0) return $"{RustDebug.Char(delimiter)}-separated words must not be empty";
            var first = word[0];
            if (!(char.IsAsciiLetter(first) || (index > 0 && char.IsAsciiDigit(first))))
            {
                return $"{RustDebug.Char(delimiter)}-separated words must start with an ASCII letter or digit; got {RustDebug.Char(first)}";
            }

            var upper = char.IsAsciiLetterUpper(first);
            for (var i = 1; i < word.Length; i++)
            {
                var c = word[i];
                if (char.IsAsciiDigit(c) || c == ':') continue;
                if (!char.IsAsciiLetter(c))
                {
                    return $"{RustDebug.Char(delimiter)}-separated words may only contain alphanumeric ASCII (plus ':' inside words); got {RustDebug.Char(c)}";
                }

                if (char.IsAsciiLetterUpper(c) != upper)
                {
                    return $"{RustDebug.Char(delimiter)}-separated words must be all lowercase or all UPPERCASE; got {RustDebug.String(word)}";
                }
            }

            if (lower && upper) return $"Lower-case identifiers must be all lowercase; got {RustDebug.String(id)}";
            index++;
        }

        return null;
    }
}
