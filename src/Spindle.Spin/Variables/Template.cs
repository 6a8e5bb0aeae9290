namespace Spindle.Spin.Variables;

/// <summary>
/// A Spin variable template: literal text with <c>{{ name }}</c> expressions (Spin's
/// <c>spin_expressions::Template</c>). Expressions are trimmed; an unmatched <c>{{</c> is an error.
/// </summary>
public sealed class Template
{
    private readonly TemplatePart[] _parts;

    private Template(string text, TemplatePart[] parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    public IReadOnlyList<TemplatePart> Parts => _parts;

    /// <summary>True when the template has no <c>{{ }}</c> expression.</summary>
    public bool IsLiteral
    {
        get
        {
            foreach (var part in _parts)
            {
                if (part.IsExpression) return false;
            }

            return true;
        }
    }

    /// <summary>The names referenced by the template's expressions, in order.</summary>
    public IEnumerable<string> VariableNames
    {
        get
        {
            foreach (var part in _parts)
            {
                if (part.IsExpression) yield return part.Text;
            }
        }
    }

    public static Template Parse(string text)
    {
        if (!TryParse(text, out var template, out var error)) throw new VariableException($"invalid variable template: {error}");
        return template;
    }

    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Template? template, out string? error)
    {
        var parts = new List<TemplatePart>();
        var remainder = text.AsSpan();
        while (!remainder.IsEmpty)
        {
            if (remainder.StartsWith("{{", StringComparison.Ordinal))
            {
                var rest = remainder[2..];
                var close = rest.IndexOf("}}", StringComparison.Ordinal);
                if (close < 0)
                {
                    template = null;
                    error = "unmatched '{{' in template";
                    return false;
                }

                parts.Add(new TemplatePart(true, rest[..close].Trim().ToString()));
                remainder = rest[(close + 2)..];
            }
            else
            {
                var open = remainder.IndexOf("{{", StringComparison.Ordinal);
                var literal = open < 0 ? remainder : remainder[..open];
                parts.Add(new TemplatePart(false, literal.ToString()));
                remainder = open < 0 ? default : remainder[open..];
            }
        }

        template = new Template(text, [.. parts]);
        error = null;
        return true;
    }

    /// <summary>Substitutes every expression through <paramref name="resolve"/>.</summary>
    public string Render(Func<string, string> resolve)
    {
        if (_parts.Length == 1 && !_parts[0].IsExpression) return _parts[0].Text;
        var builder = new System.Text.StringBuilder();
        foreach (var part in _parts)
        {
            builder.Append(part.IsExpression ? resolve(part.Text) : part.Text);
        }

        return builder.ToString();
    }

    public override string ToString() => Text;
}
