using System.Text.RegularExpressions;

namespace Spindle.Cli.Commands.New;

/// <summary>
/// Renders the Liquid subset Spin's templates use: <c>{{ name }}</c> and <c>{{ name | filter }}</c>, with the
/// filters <c>kebab_case</c>, <c>snake_case</c> and <c>pascal_case</c>.
/// </summary>
internal static partial class TemplateRenderer
{
    public static string Render(string text, IReadOnlyDictionary<string, string> values, string fileForErrors) =>
        Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (!values.TryGetValue(name, out var value))
            {
                throw new InvalidOperationException($"template file '{fileForErrors}' refers to unknown parameter '{name}'");
            }

            return match.Groups["filter"].Success ? Filter(match.Groups["filter"].Value, value, fileForErrors) : value;
        });

    private static string Filter(string filter, string value, string fileForErrors) => filter switch
    {
        "kebab_case" => CaseFilters.KebabCase(value),
        "snake_case" => CaseFilters.SnakeCase(value),
        "pascal_case" => CaseFilters.PascalCase(value),
        _ => throw new InvalidOperationException($"template file '{fileForErrors}' uses unknown filter '{filter}'"),
    };

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z0-9_-]+)\s*(?:\|\s*(?<filter>[a-z_]+)\s*)?\}\}")]
    private static partial Regex Placeholder();
}
