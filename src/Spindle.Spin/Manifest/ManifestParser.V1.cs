using Spindle.Spin.Outbound;
using Spindle.Toml;

namespace Spindle.Spin.Manifest;

internal sealed partial class ManifestParser
{
    private static readonly string[] V1ComponentKeys =
    [
        "id", "source", "trigger", "description", "config", "environment", "files", "exclude_files", "allowed_http_hosts",
        "allowed_outbound_hosts", "key_value_stores", "sqlite_databases", "ai_models", "build",
    ];

    /// <summary>
    /// Reads a version 1 manifest and converts it as Spin's <c>v1_to_v2_app</c> does: the app trigger becomes
    /// <c>[application.trigger.&lt;type&gt;]</c>, each component gets a trigger <c>trigger-&lt;id&gt;</c>, <c>config</c>
    /// becomes <c>variables</c>, and components without <c>allowed_outbound_hosts</c> keep Spin 1's database access.
    /// </summary>
    private SpinManifest ParseV1(TomlTable root, string? path)
    {
        var versionKey = root.ContainsKey("spin_manifest_version") ? "spin_manifest_version" : "spin_version";
        _r.CheckKeys(root, versionKey, "name", "version", "description", "authors", "trigger", "variables", "component");

        var trigger = _r.Table(root, "trigger", required: true);
        var triggerType = trigger is null ? "http" : _r.String(trigger, "type", required: true) ?? "http";
        var globals = new OrderedDictionary<string, TomlTable>(StringComparer.Ordinal);
        if (trigger is not null)
        {
            var config = new TomlTable(trigger.Position);
            foreach (var (key, value) in trigger)
            {
                if (key != "type") config.Add(key, value, trigger.GetKeyPosition(key));
            }

            CheckTriggerGlobalConfig(triggerType, config);
            globals[triggerType] = config;
        }

        var details = new AppDetails
        {
            Name = _r.String(root, "name", required: true) ?? "",
            Version = _r.String(root, "version") ?? "",
            Description = _r.String(root, "description") ?? "",
            Authors = _r.Strings(root, "authors"),
            TriggerGlobalConfigs = globals,
        };

        var variables = _variables = ParseVariables(root);
        var triggers = new List<ManifestTrigger>();
        var components = new OrderedDictionary<string, ManifestComponent>(StringComparer.Ordinal);
        var array = _r.Array(root, "component");
        foreach (var item in array ?? [])
        {
            if (item is not TomlTable table)
            {
                _r.InvalidType(item, "a table");
                continue;
            }

            var (id, component, componentTrigger) = ParseV1Component(table);
            if (id is null) continue;
            if (components.ContainsKey(id))
            {
                _r.Error(table.Position, $"duplicate component id `{id}`", "Each [[component]] needs a unique `id`");
                continue;
            }

            components[id] = component;
            if (componentTrigger is null) continue;
            triggers.Add(new ManifestTrigger
            {
                Type = triggerType,
                Id = $"trigger-{id}",
                Component = ComponentSpec.FromReference(id, table.Position),
                Config = componentTrigger,
                Http = triggerType == "http" ? ParseHttpTrigger(componentTrigger, ComponentSpec.FromReference(id), "") : null,
                Redis = triggerType == "redis" ? ParseRedisTrigger(componentTrigger) : null,
                Position = componentTrigger.Position,
            });
        }

        return new SpinManifest
        {
            SourcePath = path,
            OriginalVersion = 1,
            Application = details,
            Variables = variables,
            Triggers = triggers,
            Components = components,
        };
    }

    private (string? Id, ManifestComponent Component, TomlTable? Trigger) ParseV1Component(TomlTable table)
    {
        _r.CheckKeys(table, V1ComponentKeys);
        var rawId = _r.String(table, "id", required: true);
        string? id = null;
        if (rawId is not null)
        {
            // Spin fixes the two likely problems of Spin 1 ids: under_scores and mixedCase.
            id = SpinId.ValidateKebab(rawId) is null ? rawId : rawId.Replace('_', '-').ToLowerInvariant();
            if (SpinId.ValidateKebab(id) is { } reason) _r.Error(table["id"].Position, $"invalid ID `{id}`: {reason}");
        }

        var trigger = _r.Table(table, "trigger", required: true);
        var hasOutbound = table.ContainsKey("allowed_outbound_hosts");
        var outbound = ParseAllowedOutboundHosts(table, id ?? "?");
        var http = _r.Strings(table, "allowed_http_hosts");
        IReadOnlyList<string> allowed = outbound;
        try
        {
            var converted = AllowedHttpHostsConverter.ToAllowedOutboundHosts(http, allowDatabaseAccess: !hasOutbound);
            allowed = [.. outbound, .. converted];
        }
        catch (OutboundHostsException e)
        {
            _r.Error(table["allowed_http_hosts"].Position, e.Message);
        }

        var component = new ManifestComponent
        {
            Source = ParseSource(table, required: true) ?? new ComponentSource(),
            Description = _r.String(table, "description") ?? "",
            Variables = ParseComponentVariables(table, "config", id ?? "?"),
            Environment = _r.StringMap(table, "environment"),
            Files = ParseFiles(table),
            ExcludeFiles = _r.Strings(table, "exclude_files"),
            AllowedOutboundHosts = allowed,
            KeyValueStores = ParseLabels(table, "key_value_stores", "key-value store"),
            SqliteDatabases = ParseLabels(table, "sqlite_databases", "SQLite database"),
            AiModels = ParseAiModels(table),
            Build = ParseBuild(table),
            Position = table.Position,
        };
        return (id, component, trigger);
    }
}
