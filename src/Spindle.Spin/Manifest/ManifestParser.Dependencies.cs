using Spindle.Toml;

namespace Spindle.Spin.Manifest;

internal sealed partial class ManifestParser
{
    private IReadOnlyDictionary<string, ComponentDependency> ParseDependencies(TomlTable table)
    {
        var result = new OrderedDictionary<string, ComponentDependency>(StringComparer.Ordinal);
        var dependencies = _r.Table(table, "dependencies");
        if (dependencies is null) return result;
        foreach (var (name, node) in dependencies)
        {
            var at = dependencies.GetKeyPosition(name);
            var isPackageName = name.Contains(':', StringComparison.Ordinal);
            if (!isPackageName && SpinId.ValidateKebab(name) is { } reason)
            {
                _r.Error(at, $"invalid dependency name {RustDebug.String(name)}: {reason}", "Use a package name such as \"my:pkg/interface@1.0.0\" or a kebab-case plain name");
            }

            var dependency = ParseDependency(node);
            if (dependency is null) continue;
            if (!isPackageName && dependency.Kind is ComponentDependencyKind.Version or ComponentDependencyKind.Package && dependency.Package is null)
            {
                _r.Error(at, $"dependency {RustDebug.String(name)} must specify a package name");
            }

            if (isPackageName && !name.Contains('/', StringComparison.Ordinal) && dependency.Export is not null)
            {
                _r.Error(at, $"using an export to satisfy the package dependency {RustDebug.String(name)} is not currently permitted");
            }

            result[name] = dependency;
        }

        return result;
    }

    private ComponentDependency? ParseDependency(TomlNode node)
    {
        if (node is TomlString s) return new ComponentDependency { Kind = ComponentDependencyKind.Version, Version = s.Value };
        if (node is not TomlTable t)
        {
            _r.InvalidType(node, "a version string or a dependency table");
            return null;
        }

        ComponentDependencyKind kind;
        if (t.ContainsKey("component"))
        {
            kind = ComponentDependencyKind.AppComponent;
            _r.CheckKeys(t, "component", "export", "inherit_configuration");
        }
        else if (t.ContainsKey("path"))
        {
            kind = ComponentDependencyKind.Local;
            _r.CheckKeys(t, "path", "export", "inherit_configuration");
        }
        else if (t.ContainsKey("url"))
        {
            kind = ComponentDependencyKind.Http;
            _r.CheckKeys(t, "url", "digest", "export", "inherit_configuration");
            if (!t.ContainsKey("digest")) _r.Missing(t, "digest");
        }
        else if (t.ContainsKey("version"))
        {
            kind = ComponentDependencyKind.Package;
            _r.CheckKeys(t, "version", "registry", "package", "export", "inherit_configuration");
        }
        else
        {
            _r.Error(t.Position, "data did not match any variant of untagged enum ComponentDependency",
                "Use a version string, { version, registry?, package? }, { path }, { url, digest } or { component = \"<id>\" }");
            return null;
        }

        var inheritAll = false;
        IReadOnlyList<string> inherit = [];
        if (t.TryGetValue("inherit_configuration", out var inheritNode))
        {
            if (inheritNode is TomlBoolean b) inheritAll = b.Value;
            else if (inheritNode is TomlArray) inherit = _r.Strings(t, "inherit_configuration");
            else _r.InvalidType(inheritNode, "a boolean or a list of configuration names");
        }

        return new ComponentDependency
        {
            Kind = kind,
            Version = _r.String(t, "version"),
            Registry = _r.String(t, "registry"),
            Package = _r.String(t, "package"),
            Export = _r.String(t, "export"),
            Path = _r.String(t, "path"),
            Url = _r.String(t, "url"),
            Digest = _r.String(t, "digest"),
            Component = _r.String(t, "component"),
            InheritAll = inheritAll,
            InheritConfigurations = inherit,
        };
    }
}
