namespace Spindle.Spin.Manifest;

/// <summary>
/// Spin's <c>normalize</c> step: triggers without an <c>id</c> get <c>&lt;component&gt;-&lt;type&gt;-trigger</c> (else
/// <c>&lt;type&gt;-trigger&lt;N&gt;</c>), and inline components become top-level components named
/// <c>&lt;trigger-id&gt;-component</c> (else <c>inline-component&lt;N&gt;</c>).
/// </summary>
public static class ManifestNormalizer
{
    /// <summary>The effective id of each trigger, in <see cref="SpinManifest.Triggers"/> order.</summary>
    public static IReadOnlyList<string> TriggerIds(SpinManifest manifest)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trigger in manifest.Triggers) taken.Add(trigger.Id);
        var ids = new string[manifest.Triggers.Count];
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            var trigger = manifest.Triggers[i];
            if (trigger.Id.Length > 0)
            {
                ids[i] = trigger.Id;
                continue;
            }

            if (trigger.Component?.Reference is { } componentId)
            {
                var candidate = $"{componentId}-{trigger.Type}-trigger";
                if (taken.Add(candidate))
                {
                    ids[i] = candidate;
                    continue;
                }
            }

            var counter = counters.GetValueOrDefault(trigger.Type, 1);
            string id;
            while (!taken.Add(id = $"{trigger.Type}-trigger{counter}")) counter++;
            counters[trigger.Type] = counter;
            ids[i] = id;
        }

        return ids;
    }

    /// <summary>
    /// Returns the manifest with trigger ids assigned and inline components hoisted into <see cref="SpinManifest.Components"/>.
    /// </summary>
    public static SpinManifest Normalize(SpinManifest manifest)
    {
        var ids = TriggerIds(manifest);
        var components = new OrderedDictionary<string, ManifestComponent>(StringComparer.Ordinal);
        foreach (var (id, component) in manifest.Components) components[id] = component;

        var triggers = new List<ManifestTrigger>(manifest.Triggers.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var trigger = manifest.Triggers[i];
            var specCount = (trigger.Component is null ? 0 : 1) + trigger.Components.Values.Sum(specs => specs.Count);
            var counter = 1;
            ComponentSpec? Hoist(ComponentSpec? spec)
            {
                if (spec?.Inline is not { } inline) return spec;
                var natural = $"{ids[i]}-component";
                string id;
                if (specCount == 1 && SpinId.ValidateKebab(natural) is null && !components.ContainsKey(natural))
                {
                    id = natural;
                }
                else
                {
                    while (components.ContainsKey(id = $"inline-component{counter}")) counter++;
                }

                components[id] = inline;
                return ComponentSpec.FromReference(id);
            }

            var component = Hoist(trigger.Component);
            var named = new OrderedDictionary<string, IReadOnlyList<ComponentSpec>>(StringComparer.Ordinal);
            foreach (var (name, specs) in trigger.Components)
            {
                var hoisted = new List<ComponentSpec>(specs.Count);
                foreach (var spec in specs) hoisted.Add(Hoist(spec)!);
                named[name] = hoisted;
            }

            triggers.Add(new ManifestTrigger
            {
                Type = trigger.Type,
                Id = ids[i],
                Component = component,
                Components = named,
                Config = trigger.Config,
                Http = trigger.Http,
                Redis = trigger.Redis,
                Position = trigger.Position,
            });
        }

        return new SpinManifest
        {
            SourcePath = manifest.SourcePath,
            OriginalVersion = manifest.OriginalVersion,
            Application = manifest.Application,
            Variables = manifest.Variables,
            Triggers = triggers,
            Components = components,
            Warnings = manifest.Warnings,
        };
    }
}
