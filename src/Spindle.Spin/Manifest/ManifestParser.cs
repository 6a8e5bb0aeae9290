using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary>
/// Reads a parsed spin.toml (version 1 or 2) into <see cref="SpinManifest"/>, collecting every problem with its
/// position; version 1 is converted to version 2 as Spin's <c>compat</c> module does.
/// </summary>
internal sealed partial class ManifestParser
{
    private readonly TomlReader _r;

    // App variables, read before any component so templates can be checked where they are written.
    private IReadOnlyDictionary<string, ManifestVariable> _variables = new Dictionary<string, ManifestVariable>();

    private ManifestParser(string file) => _r = new TomlReader(file);

    public static SpinManifest Parse(TomlTable root, string file, string? path)
    {
        var parser = new ManifestParser(file);
        var manifest = parser.ParseRoot(root, path);
        if (manifest is not null) ManifestValidator.Validate(manifest, parser._r);
        if (parser._r.Errors.Count > 0 || manifest is null) throw new ManifestException(Sorted(parser._r.Errors));
        return new SpinManifest
        {
            SourcePath = manifest.SourcePath,
            OriginalVersion = manifest.OriginalVersion,
            Application = manifest.Application,
            Variables = manifest.Variables,
            Triggers = manifest.Triggers,
            Components = manifest.Components,
            Warnings = Sorted(parser._r.Warnings),
        };
    }

    private static List<ManifestError> Sorted(List<ManifestError> errors)
    {
        // Stable: errors at the same place keep the order they were found in.
        return [.. errors.Select((e, i) => (e, i)).OrderBy(x => x.e.Line).ThenBy(x => x.e.Column).ThenBy(x => x.i).Select(x => x.e)];
    }

    private SpinManifest? ParseRoot(TomlTable root, string? path)
    {
        var versionKey = root.ContainsKey("spin_manifest_version") ? "spin_manifest_version" : "spin_version";
        if (!root.TryGetValue(versionKey, out var version))
        {
            _r.Error(new TomlPosition(1, 1), "missing field `spin_manifest_version`", "Add `spin_manifest_version = 2` at the top of the manifest");
            return null;
        }

        if (version is TomlString { Value: "1" }) return ParseV1(root, path);
        if (version is TomlInteger { Value: 2 } && versionKey == "spin_manifest_version") return ParseV2(root, path);
        var shown = version is TomlString s ? RustDebug.String(s.Value) : TomlReader.Describe(version);
        if (version is TomlInteger i) shown = i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _r.Error(version.Position, $"invalid manifest version: {shown}", "Spin supports `spin_manifest_version = 2` (and \"1\" for old manifests)");
        return null;
    }

    private SpinManifest ParseV2(TomlTable root, string? path)
    {
        _r.CheckKeys(root, "spin_manifest_version", "application", "variables", "trigger", "component");
        var application = _r.Table(root, "application", required: true);
        var details = application is null ? new AppDetails() : ParseApplication(application);
        var variables = _variables = ParseVariables(root);

        var triggers = new List<ManifestTrigger>();
        var triggerTypes = _r.Table(root, "trigger");
        if (triggerTypes is null)
        {
            _r.Missing(root, "trigger");
        }
        else
        {
            foreach (var (type, node) in triggerTypes)
            {
                if (node is not TomlArray array)
                {
                    _r.InvalidType(node, "a sequence");
                    continue;
                }

                foreach (var item in array)
                {
                    if (item is TomlTable table) triggers.Add(ParseTrigger(type, table));
                    else _r.InvalidType(item, "a table");
                }
            }
        }

        var components = new OrderedDictionary<string, ManifestComponent>(StringComparer.Ordinal);
        var componentTable = _r.Table(root, "component");
        if (componentTable is not null)
        {
            foreach (var (id, node) in componentTable)
            {
                if (SpinId.ValidateKebab(id) is { } reason) _r.Error(componentTable.GetKeyPosition(id), $"invalid component id {RustDebug.String(id)}: {reason}", "Component ids are kebab-case: lower-case words separated by '-'");
                if (node is TomlTable table) components[id] = ParseComponent(table, id);
                else _r.InvalidType(node, "a table");
            }
        }

        return new SpinManifest
        {
            SourcePath = path,
            OriginalVersion = 2,
            Application = details,
            Variables = variables,
            Triggers = triggers,
            Components = components,
        };
    }

    private AppDetails ParseApplication(TomlTable table)
    {
        _r.CheckKeys(table, "name", "version", "description", "authors", "targets", "trigger", "tool");
        var globals = _r.TableMap(table, "trigger");
        foreach (var (type, config) in globals) CheckTriggerGlobalConfig(type, config);
        return new AppDetails
        {
            Name = _r.String(table, "name", required: true) ?? "",
            Version = _r.String(table, "version") ?? "",
            Description = _r.String(table, "description") ?? "",
            Authors = _r.Strings(table, "authors"),
            Targets = ParseTargets(table),
            TriggerGlobalConfigs = globals,
            Tool = _r.TableMap(table, "tool"),
        };
    }

    private void CheckTriggerGlobalConfig(string type, TomlTable config)
    {
        if (type == "http")
        {
            _r.CheckKeys(config, "base");
            var baseRoute = _r.String(config, "base");
            if (baseRoute is null) return;
            var at = config["base"].Position;
            if (baseRoute == "/")
            {
                _r.Warn(at, "This application has the deprecated trigger 'base' set to the default value '/'. This may be an error in the future!", "Remove `base` from [application.trigger.http]");
            }
            else
            {
                _r.Error(at, "This application is using the deprecated trigger 'base' field. The base must be prepended to each [[trigger.http]]'s 'route'.", $"Remove `base` and prefix each route with {RustDebug.String(baseRoute)}");
            }
        }
        else if (type == "redis")
        {
            _r.String(config, "address");
        }
    }

    private IReadOnlyList<TargetEnvironment> ParseTargets(TomlTable table)
    {
        var array = _r.Array(table, "targets");
        if (array is null) return [];
        var result = new List<TargetEnvironment>();
        foreach (var item in array)
        {
            switch (item)
            {
                case TomlString s:
                    result.Add(new TargetEnvironment(s.Value));
                    break;
                case TomlTable t when t.ContainsKey("path"):
                    _r.CheckKeys(t, "path");
                    result.Add(new TargetEnvironment(null, Path: _r.String(t, "path")));
                    break;
                case TomlTable t:
                    _r.CheckKeys(t, "registry", "id");
                    result.Add(new TargetEnvironment(_r.String(t, "id", required: true), _r.String(t, "registry", required: true)));
                    break;
                default:
                    _r.InvalidType(item, "a string or table");
                    break;
            }
        }

        return result;
    }

    private IReadOnlyDictionary<string, ManifestVariable> ParseVariables(TomlTable root)
    {
        var result = new OrderedDictionary<string, ManifestVariable>(StringComparer.Ordinal);
        var table = _r.Table(root, "variables");
        if (table is null) return result;
        foreach (var (name, node) in table)
        {
            CheckVariableName(name, table.GetKeyPosition(name));
            if (node is not TomlTable definition)
            {
                _r.InvalidType(node, "a table");
                continue;
            }

            _r.CheckKeys(definition, "description", "required", "default", "secret");
            var variable = new ManifestVariable
            {
                Description = _r.String(definition, "description"),
                Required = _r.Bool(definition, "required"),
                Default = _r.String(definition, "default"),
                Secret = _r.Bool(definition, "secret"),
                Position = definition.Position,
            };
            if (variable.Required == (variable.Default is not null))
            {
                _r.Error(definition.Position, $"invalid variable definition for `{name}`: must be `required` OR have a `default`",
                    variable.Required ? "Remove `default`, or remove `required = true`" : $"Add `required = true` or a `default` to variable `{name}`");
            }

            result[name] = variable;
        }

        return result;
    }

    /// <summary>Checks a template's syntax and that it only names declared app variables.</summary>
    private void CheckTemplate(TomlPosition at, string what, string text)
    {
        if (!Variables.Template.TryParse(text, out var template, out var error))
        {
            _r.Error(at, $"invalid variable template in {what}: {error}");
            return;
        }

        foreach (var name in template.VariableNames)
        {
            if (!_variables.ContainsKey(name))
            {
                _r.Error(at, $"invalid variable template in {what}: unknown variable {RustDebug.String(name)}", $"Declare it under [variables], e.g. {name} = {{ default = \"...\" }}");
            }
        }
    }

    private void CheckVariableName(string name, TomlPosition at)
    {
        var reason = SpinId.ValidateLowerSnake(name) ?? SpinId.ValidateVariableName(name);
        if (reason is not null) _r.Error(at, $"invalid variable name {RustDebug.String(name)}: {reason}", "Variable names are lower_snake_case: lower-case letters, digits and single underscores, starting with a letter");
    }
}
