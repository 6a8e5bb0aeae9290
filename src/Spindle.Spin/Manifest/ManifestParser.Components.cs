using Spindle.Spin.Outbound;
using Spindle.Toml;

namespace Spindle.Spin.Manifest;

internal sealed partial class ManifestParser
{
    private const string FilesLearnMore = "Learn more: https://spinframework.dev/writing-apps#including-files-with-components";

    private static readonly string[] ComponentKeys =
    [
        "source", "description", "variables", "environment", "files", "exclude_files", "allowed_http_hosts",
        "allowed_outbound_hosts", "key_value_stores", "sqlite_databases", "ai_models", "targets", "build", "tool",
        "dependencies_inherit_configuration", "dependencies", "profile",
    ];

    private ManifestComponent ParseComponent(TomlTable table, string id)
    {
        _r.CheckKeys(table, ComponentKeys);
        var source = ParseSource(table, required: true) ?? new ComponentSource();
        var allowedHttpHosts = ParseAllowedHttpHosts(table, id);
        return new ManifestComponent
        {
            Source = source,
            Description = _r.String(table, "description") ?? "",
            Variables = ParseComponentVariables(table, "variables", id),
            Environment = _r.StringMap(table, "environment"),
            Files = ParseFiles(table),
            ExcludeFiles = _r.Strings(table, "exclude_files"),
            AllowedOutboundHosts = ParseAllowedOutboundHosts(table, id),
            AllowedHttpHosts = allowedHttpHosts,
            KeyValueStores = ParseLabels(table, "key_value_stores", "key-value store"),
            SqliteDatabases = ParseLabels(table, "sqlite_databases", "SQLite database"),
            AiModels = ParseAiModels(table),
            Targets = ParseTargets(table),
            Build = ParseBuild(table),
            Tool = _r.TableMap(table, "tool"),
            DependenciesInheritConfiguration = _r.Bool(table, "dependencies_inherit_configuration"),
            Dependencies = ParseDependencies(table),
            Profiles = ParseProfiles(table),
            Position = table.Position,
        };
    }

    private ComponentSource? ParseSource(TomlTable table, bool required)
    {
        if (!table.TryGetValue("source", out var node))
        {
            if (required) _r.Missing(table, "source");
            return null;
        }

        if (node is TomlString s) return ComponentSource.FromPath(s.Value);
        if (node is not TomlTable t)
        {
            _r.InvalidType(node, "a path string or a source table");
            return null;
        }

        if (t.ContainsKey("url"))
        {
            _r.CheckKeys(t, "url", "digest");
            var digest = _r.String(t, "digest", required: true);
            if (digest is not null && !digest.StartsWith("sha256:", StringComparison.Ordinal))
            {
                _r.Error(t["digest"].Position, $"invalid `digest` {RustDebug.String(digest)}; must start with 'sha256:'");
            }

            return new ComponentSource { Kind = ComponentSourceKind.Remote, Url = _r.String(t, "url", required: true), Digest = digest };
        }

        if (t.ContainsKey("package"))
        {
            _r.CheckKeys(t, "registry", "package", "version");
            return new ComponentSource
            {
                Kind = ComponentSourceKind.Registry,
                Registry = _r.String(t, "registry"),
                Package = _r.String(t, "package", required: true),
                Version = _r.String(t, "version", required: true),
            };
        }

        _r.Error(t.Position, "data did not match any variant of untagged enum ComponentSource",
            "Use `source = \"path/to.wasm\"`, `{ url = \"https://...\", digest = \"sha256:...\" }` or `{ package = \"ns:name\", version = \"1.0.0\" }`");
        return null;
    }

    private IReadOnlyDictionary<string, string> ParseComponentVariables(TomlTable table, string key, string id)
    {
        var variables = _r.StringMap(table, key);
        if (variables.Count > 0 && table[key] is TomlTable written)
        {
            foreach (var (name, node) in written)
            {
                CheckVariableName(name, written.GetKeyPosition(name));
                if (node is TomlString value) CheckTemplate(value.Position, $"component `{id}` variable `{name}`", value.Value);
            }
        }

        return variables;
    }

    private IReadOnlyList<FileMount> ParseFiles(TomlTable table)
    {
        var array = _r.Array(table, "files");
        if (array is null) return [];
        var result = new List<FileMount>();
        foreach (var item in array)
        {
            if (item is TomlString s)
            {
                if (s.Value is ".." or "." || s.Value.EndsWith("/..", StringComparison.Ordinal) || s.Value.EndsWith("/.", StringComparison.Ordinal))
                {
                    var what = s.Value.EndsWith("..", StringComparison.Ordinal) ? "a parent directory path (..)" : "a current directory path (.)";
                    _r.Error(s.Position, $"A file pattern can't end in {what}", $"If you want to include a directory, use source-destination form, or a glob pattern ending in **/*.\n{FilesLearnMore}");
                }

                result.Add(new FileMount(s.Value));
            }
            else if (item is TomlTable t)
            {
                _r.CheckKeys(t, "source", "destination");
                result.Add(new FileMount(null, _r.String(t, "source", required: true) ?? "", _r.String(t, "destination", required: true) ?? ""));
            }
            else
            {
                _r.InvalidType(item, "a glob string or { source, destination }");
            }
        }

        return result;
    }

    private IReadOnlyList<string> ParseAllowedOutboundHosts(TomlTable table, string id)
    {
        var positions = new List<TomlPosition>();
        var hosts = _r.Strings(table, "allowed_outbound_hosts", positions);
        for (var i = 0; i < hosts.Count; i++)
        {
            if (Variables.Template.TryParse(hosts[i], out var template, out _) && !template.IsLiteral) CheckTemplate(positions[i], $"component `{id}` allowed_outbound_hosts", hosts[i]);
        }

        foreach (var (index, message) in AllowedOutboundHosts.Validate(hosts))
        {
            var learn = message.IndexOf("\nLearn more:", StringComparison.Ordinal);
            var text = learn < 0 ? message : message[..learn];
            var hint = learn < 0 ? null : message[(learn + 1)..];
            _r.Error(positions[index], $"`allowed_outbound_hosts` is malformed: {text}", hint);
        }

        return hosts;
    }

    private IReadOnlyList<string> ParseAllowedHttpHosts(TomlTable table, string id)
    {
        var hosts = _r.Strings(table, "allowed_http_hosts");
        if (hosts.Count == 0) return hosts;
        var at = table["allowed_http_hosts"].Position;
        try
        {
            var converted = AllowedHttpHostsConverter.ToAllowedOutboundHosts(hosts, allowDatabaseAccess: false);
            var quoted = string.Join(", ", converted.Select(RustDebug.String));
            _r.Warn(at, $"Use of the deprecated field `allowed_http_hosts` - to fix, replace `allowed_http_hosts` with `allowed_outbound_hosts = [{quoted}]`");
        }
        catch (OutboundHostsException e)
        {
            _r.Error(at, $"`allowed_http_hosts` is malformed in component `{id}`: {e.Message}");
        }

        return hosts;
    }

    private IReadOnlyList<string> ParseLabels(TomlTable table, string key, string what)
    {
        var positions = new List<TomlPosition>();
        var labels = _r.Strings(table, key, positions);
        for (var i = 0; i < labels.Count; i++)
        {
            if (SpinId.ValidateKebab(labels[i]) is not null && SpinId.ValidateSnake(labels[i]) is not null)
            {
                _r.Error(positions[i], $"invalid {what} label {RustDebug.String(labels[i])}: expected kebab-case or snake_case");
            }
        }

        return labels;
    }

    private IReadOnlyList<string> ParseAiModels(TomlTable table)
    {
        var positions = new List<TomlPosition>();
        var models = _r.Strings(table, "ai_models", positions);
        for (var i = 0; i < models.Count; i++)
        {
            if (SpinId.ValidateKebab(models[i]) is { } reason) _r.Error(positions[i], $"invalid AI model name {RustDebug.String(models[i])}: {reason}");
        }

        return models;
    }

    private ComponentBuild? ParseBuild(TomlTable table)
    {
        var build = _r.Table(table, "build");
        if (build is null) return null;
        _r.CheckKeys(build, "command", "workdir", "watch");
        IReadOnlyList<string> commands = [];
        var isList = false;
        if (!build.TryGetValue("command", out var command)) _r.Missing(build, "command");
        else if (command is TomlString s) commands = [s.Value];
        else if (command is TomlArray)
        {
            commands = _r.Strings(build, "command");
            isList = true;
        }
        else _r.InvalidType(command, "a command string or a list of command strings");

        return new ComponentBuild
        {
            Commands = commands,
            IsCommandList = isList,
            Workdir = _r.String(build, "workdir"),
            Watch = _r.Strings(build, "watch"),
        };
    }

    private IReadOnlyDictionary<string, ComponentProfile> ParseProfiles(TomlTable table)
    {
        var result = new OrderedDictionary<string, ComponentProfile>(StringComparer.Ordinal);
        foreach (var (name, profile) in _r.TableMap(table, "profile"))
        {
            _r.CheckKeys(profile, "source", "build");
            result[name] = new ComponentProfile { Source = ParseSource(profile, required: false), Build = ParseBuild(profile) };
        }

        return result;
    }
}
