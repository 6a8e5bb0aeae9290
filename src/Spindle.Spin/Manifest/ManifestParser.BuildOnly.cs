using Spindle.Toml;

namespace Spindle.Spin.Manifest;

internal sealed partial class ManifestParser
{
    /// <summary>
    /// Reads only the components' ids and <c>build</c> tables (v1 and v2), as Spin's build does when the rest of
    /// the manifest has errors; null when even these cannot be read.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, ComponentBuild?>>? ParseBuildOnly(TomlTable root, string file)
    {
        var parser = new ManifestParser(file);
        var result = new List<KeyValuePair<string, ComponentBuild?>>();
        if (root.TryGetValue("component", out var components))
        {
            if (components is TomlTable v2)
            {
                foreach (var (id, node) in v2)
                {
                    if (node is TomlTable table) result.Add(new(id, parser.ParseBuild(table)));
                }
            }
            else if (components is TomlArray v1)
            {
                foreach (var node in v1)
                {
                    if (node is TomlTable table && parser._r.String(table, "id", required: true) is { } id)
                    {
                        result.Add(new(SpinId.ValidateKebab(id) is null ? id : id.Replace('_', '-').ToLowerInvariant(), parser.ParseBuild(table)));
                    }
                }
            }
        }

        return parser._r.Errors.Count == 0 ? result : null;
    }
}
