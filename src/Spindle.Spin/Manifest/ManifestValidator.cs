using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary>Checks that need the whole manifest: references between triggers, components and variables, and unique ids.</summary>
internal static class ManifestValidator
{
    public static void Validate(SpinManifest manifest, TomlReader r)
    {
        var ids = ManifestNormalizer.TriggerIds(manifest);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Triggers.Count; i++)
        {
            var trigger = manifest.Triggers[i];
            if (trigger.Id.Length > 0 && !seen.Add(trigger.Id))
            {
                r.Error(trigger.Position, $"duplicate trigger id `{trigger.Id}`", "Trigger ids must be unique across the application");
            }

            CheckReference(manifest, r, trigger.Component, ids[i]);
            foreach (var specs in trigger.Components.Values)
            {
                foreach (var spec in specs) CheckReference(manifest, r, spec, ids[i]);
            }

            if (trigger.Http is { } http)
            {
                var hasComponent = trigger.Component is not null;
                var hasStatic = http.StaticResponse is not null;
                if (hasComponent == hasStatic)
                {
                    r.Error(trigger.Position, $"Triggers must specify either component or static_response - {ids[i]} has {(hasComponent ? "both" : "neither")}",
                        hasComponent ? "Remove `static_response` or `component`" : "Add `component = \"<component-id>\"`");
                }
            }
        }

        foreach (var (id, component) in manifest.Components) CheckComponent(manifest, r, id, component);
        foreach (var trigger in manifest.Triggers)
        {
            if (trigger.Component?.Inline is { } inline) CheckComponent(manifest, r, "(inline)", inline);
        }
    }

    private static void CheckReference(SpinManifest manifest, TomlReader r, ComponentSpec? spec, string triggerId)
    {
        if (spec?.Reference is not { } id || manifest.Components.ContainsKey(id)) return;
        r.Error(spec.Position, $"trigger `{triggerId}` refers to component `{id}`, which is not defined", $"Add a [component.{id}] table, or fix the component id");
    }

    private static void CheckComponent(SpinManifest manifest, TomlReader r, string id, ManifestComponent component)
    {
        foreach (var (name, dependency) in component.Dependencies)
        {
            if (dependency.Kind != ComponentDependencyKind.AppComponent || dependency.Component is not { } target) continue;
            if (!manifest.Components.TryGetValue(target, out var targetComponent))
            {
                r.Error(component.Position, $"dependency ID {target} does not exist", $"Dependency {RustDebug.String(name)} of component `{id}` names a component that is not defined");
                continue;
            }

            var surprises = Surprises(targetComponent);
            if (surprises.Count > 0)
            {
                r.Error(component.Position, $"Dependencies may not have their own resources or permissions. Component {target} cannot be used as a dependency of {id} because it specifies: {string.Join(", ", surprises)}");
            }
        }
    }

    private static List<string> Surprises(ManifestComponent c)
    {
        var result = new List<string>();
        if (c.AiModels.Count > 0) result.Add("ai_models");
        if (c.AllowedHttpHosts.Count > 0) result.Add("allowed_http_hosts");
        if (c.AllowedOutboundHosts.Count > 0) result.Add("allowed_outbound_hosts");
        if (c.Dependencies.Count > 0) result.Add("dependencies");
        if (c.Files.Count > 0) result.Add("files");
        if (c.KeyValueStores.Count > 0) result.Add("key_value_stores");
        if (c.SqliteDatabases.Count > 0) result.Add("sqlite_databases");
        if (c.Variables.Count > 0) result.Add("variables");
        return result;
    }
}
