using System.Text.RegularExpressions;

namespace Spindle.Cli.Commands.New;

/// <summary>
/// The templates built into <c>spindle</c>. Ids and parameters follow Spin's <c>templates/</c> directory; the content
/// is Spindle's own (http-c is a Wagi component built with clang-14 + wasi-libc rather than Spin's component-model SDK).
/// </summary>
internal static partial class TemplateCatalog
{
    private const string ResourcePrefix = "Spindle.Cli.Templates/";

    private static readonly TemplateParameter Description = new("project-description", "Description", "");

    // Spin's http templates: `http-path = { type = "string", prompt = "HTTP path", default = "/...", pattern = "^/\\S*$" }`.
    private static readonly TemplateParameter HttpPath = new("http-path", "HTTP path", "/...", HttpPathPattern(), "must start with '/' and contain no whitespace");

    public static IReadOnlyList<SpinTemplate> All { get; } =
    [
        new("http-c", "HTTP request handler using C and the Wagi executor (clang-14 + wasi-libc)", [Description, HttpPath], ["spin.toml", "main.c", ".gitignore"]),
        new("http-empty", "HTTP application with no components", [Description], ["spin.toml"]),
    ];

    public static SpinTemplate? TryGet(string id)
    {
        foreach (var template in All)
        {
            if (string.Equals(template.Id, id, StringComparison.Ordinal)) return template;
        }

        return null;
    }

    /// <summary>The ids of all templates, comma-separated, for messages.</summary>
    public static string Ids()
    {
        var ids = new string[All.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = All[i].Id;
        return string.Join(", ", ids);
    }

    /// <summary>The raw (unrendered) text of one content file of <paramref name="template"/>.</summary>
    public static string ReadContent(SpinTemplate template, string file)
    {
        var name = ResourcePrefix + template.Id + "/" + file;
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"template resource '{name}' is missing from the spindle assembly (check the EmbeddedResource item in Spindle.Cli.csproj)");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^/\S*$")]
    private static partial Regex HttpPathPattern();
}
