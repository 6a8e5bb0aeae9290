using Spindle.Toml;

namespace Spindle.Spin.Manifest;

internal sealed partial class ManifestParser
{
    private static readonly string[] CommonTriggerKeys = ["id", "component", "components"];

    private ManifestTrigger ParseTrigger(string type, TomlTable table)
    {
        var id = _r.String(table, "id") ?? "";
        ComponentSpec? component = null;
        if (table.TryGetValue("component", out var componentNode)) component = ParseComponentSpec(componentNode, id);

        var components = new OrderedDictionary<string, IReadOnlyList<ComponentSpec>>(StringComparer.Ordinal);
        var componentsTable = _r.Table(table, "components");
        if (componentsTable is not null)
        {
            foreach (var (name, node) in componentsTable)
            {
                var specs = new List<ComponentSpec>();
                if (node is TomlArray array)
                {
                    foreach (var item in array)
                    {
                        if (ParseComponentSpec(item, id) is { } spec) specs.Add(spec);
                    }
                }
                else if (ParseComponentSpec(node, id) is { } spec)
                {
                    specs.Add(spec);
                }

                components[name] = specs;
            }
        }

        var config = new TomlTable(table.Position);
        foreach (var (key, value) in table)
        {
            if (Array.IndexOf(CommonTriggerKeys, key) < 0) config.Add(key, value, table.GetKeyPosition(key));
        }

        return new ManifestTrigger
        {
            Type = type,
            Id = id,
            Component = component,
            Components = components,
            Config = config,
            Http = type == "http" ? ParseHttpTrigger(table, component, id) : null,
            Redis = type == "redis" ? ParseRedisTrigger(table) : null,
            Position = table.Position,
        };
    }

    private ComponentSpec? ParseComponentSpec(TomlNode node, string triggerId)
    {
        switch (node)
        {
            case TomlString s:
                if (SpinId.ValidateKebab(s.Value) is { } reason)
                {
                    _r.Error(s.Position, $"invalid component id {RustDebug.String(s.Value)}: {reason}", "Component ids are kebab-case: lower-case words separated by '-'");
                }

                return ComponentSpec.FromReference(s.Value, s.Position);
            case TomlTable t:
                return ComponentSpec.FromInline(ParseComponent(t, triggerId.Length > 0 ? $"{triggerId}-component" : "inline component"));
            default:
                _r.InvalidType(node, "a component id or a component table");
                return null;
        }
    }

    private HttpTriggerConfig ParseHttpTrigger(TomlTable table, ComponentSpec? component, string triggerId)
    {
        _r.CheckKeys(table, "id", "component", "components", "route", "executor", "static_response", "dependencies");
        var lookupKey = component?.Reference ?? (triggerId.Length > 0 ? triggerId : "(inline component)");
        var route = new HttpRoute("/");
        if (!table.TryGetValue("route", out var routeNode))
        {
            _r.Missing(table, "route");
        }
        else if (routeNode is TomlString s)
        {
            route = new HttpRoute(s.Value);
        }
        else if (routeNode is TomlTable t)
        {
            _r.CheckKeys(t, "private");
            if (!t.ContainsKey("private")) _r.Missing(t, "private");
            var isPrivate = _r.Bool(t, "private");
            if (t.TryGetValue("private", out var p) && p is TomlBoolean { Value: false })
            {
                _r.Error(t.Position, $"route must be a string pattern or '{{ private = true }}': '{lookupKey}' has {{ private = false }}", "Use `route = { private = true }` for a component reachable only through service chaining, or a route string");
            }

            route = new HttpRoute(null, isPrivate);
        }
        else
        {
            _r.Error(routeNode.Position, $"invalid type: {TomlReader.Describe(routeNode)}, expected a route string or {{ private = true }}");
        }

        StaticResponse? staticResponse = null;
        var staticTable = _r.Table(table, "static_response");
        if (staticTable is not null)
        {
            var status = _r.Integer(staticTable, "status_code");
            if (status is < 100 or > 999) _r.Error(staticTable["status_code"].Position, $"invalid value: integer `{status}`, expected an HTTP status code");
            staticResponse = new StaticResponse
            {
                StatusCode = status is { } code ? (int)code : null,
                Headers = _r.StringMap(staticTable, "headers"),
                Body = _r.String(staticTable, "body"),
            };
        }

        var dependencies = _r.Table(table, "dependencies");
        if (dependencies is not null) _r.CheckKeys(dependencies, "middleware");

        return new HttpTriggerConfig
        {
            Route = route,
            Executor = ParseExecutor(table, lookupKey),
            StaticResponse = staticResponse,
            Dependencies = dependencies,
        };
    }

    private HttpExecutor? ParseExecutor(TomlTable table, string componentId)
    {
        var executor = _r.Table(table, "executor");
        if (executor is null) return null;
        var type = _r.String(executor, "type", required: true);
        switch (type)
        {
            case null:
                return null;
            case "http" or "spin":
                _r.CheckKeys(executor, "type");
                return new HttpExecutor("http");
            case "wagi":
                _r.CheckKeys(executor, "type", "argv", "entrypoint");
                var entrypoint = _r.String(executor, "entrypoint") ?? "_start";
                if (entrypoint != "_start")
                {
                    _r.Error(executor["entrypoint"].Position, $"Wagi component '{componentId}' cannot use deprecated 'entrypoint' field", "Remove `entrypoint`: Wagi modules are always started through `_start`");
                }

                return new HttpExecutor("wagi", _r.String(executor, "argv") ?? HttpExecutor.DefaultWagiArgv, entrypoint);
            default:
                _r.Error(executor["type"].Position, $"unknown variant `{type}`, expected `http` or `wagi`", "Use `executor = { type = \"http\" }` (the default) or `{ type = \"wagi\" }`");
                return null;
        }
    }

    private RedisTriggerConfig ParseRedisTrigger(TomlTable table) => new()
    {
        Channel = _r.String(table, "channel", required: true) ?? "",
        Address = _r.String(table, "address"),
    };
}
