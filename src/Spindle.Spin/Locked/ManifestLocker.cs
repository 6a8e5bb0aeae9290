using System.Text.Json.Nodes;
using Spindle.Spin.Manifest;
using Spindle.Spin.Outbound;

namespace Spindle.Spin.Locked;

/// <summary>
/// Turns a validated manifest into a <see cref="LockedApp"/> as Spin's local loader does: triggers get ids and
/// inline components are hoisted, Wasm sources become <c>file://</c> URIs (URL sources keep their URL and digest),
/// files are resolved and copied per component, and variables and templates are carried over unchanged.
/// </summary>
public static class ManifestLocker
{
    public static LockedApp Lock(SpinManifest manifest, LockOptions? options = null)
    {
        options ??= new LockOptions();
        var appDirectory = manifest.AppDirectory ?? Directory.GetCurrentDirectory();
        var normalized = ManifestNormalizer.Normalize(manifest);
        var errors = new List<string>();

        var variables = new SortedDictionary<string, LockedVariable>(StringComparer.Ordinal);
        foreach (var (name, variable) in normalized.Variables)
        {
            variables[name] = new LockedVariable { Description = variable.Description, Default = variable.Default, Secret = variable.Secret };
        }

        var triggers = new List<LockedTrigger>(normalized.Triggers.Count);
        foreach (var trigger in normalized.Triggers)
        {
            triggers.Add(LockTrigger(trigger, errors));
        }

        var filesRoot = options.FilesMountRoot ?? Path.Combine(Path.GetTempPath(), $"spindle-{Guid.NewGuid():N}");
        var components = new List<LockedComponent>(normalized.Components.Count);
        foreach (var (id, component) in normalized.Components)
        {
            try
            {
                components.Add(LockComponent(id, component, normalized, appDirectory, filesRoot, options.DirectMounts));
            }
            catch (SpinException e)
            {
                errors.Add($"Failed to load component `{id}`: {e.Message}");
            }
        }

        if (errors.Count > 0) throw new LockedAppException(string.Join("\n", errors));
        var mustUnderstand = new List<string>();
        if (components.Exists(c => c.HostRequirements.Count > 0)) mustUnderstand.Add("component_host_requirements");
        return new LockedApp
        {
            MustUnderstand = mustUnderstand,
            Metadata = AppMetadata(normalized),
            Variables = variables,
            Triggers = triggers,
            Components = components,
        };
    }

    /// <summary>A <c>file://</c> URI for a local path, as Spin's <c>Url::from_file_path</c> writes it.</summary>
    public static string FileUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    private static JsonObject AppMetadata(SpinManifest manifest)
    {
        var app = manifest.Application;
        var metadata = new JsonObject();
        AddString(metadata, "name", app.Name);
        AddString(metadata, "version", app.Version);
        AddString(metadata, "description", app.Description);
        AddStrings(metadata, "authors", app.Authors);
        if (manifest.SourcePath is { } path) metadata["origin"] = FileUri(path);
        var globals = new JsonObject();
        foreach (var (type, config) in app.TriggerGlobalConfigs) globals[type] = TomlJson.ToJson(config);
        metadata["triggers"] = globals;

        // Spin duplicates a single trigger type's global options under "trigger", with "type", for compatibility.
        var types = manifest.TriggerTypes;
        if (types.Count == 1)
        {
            var single = app.TriggerGlobalConfigs.TryGetValue(types[0], out var config) ? TomlJson.ToJson(config) : [];
            single["type"] = types[0];
            metadata["trigger"] = single;
        }

        return TomlJson.Sorted(metadata);
    }

    private static LockedTrigger LockTrigger(ManifestTrigger trigger, List<string> errors)
    {
        var config = new JsonObject();
        foreach (var (key, value) in trigger.Config)
        {
            if (key == "dependencies")
            {
                errors.Add($"Trigger `{trigger.Id}`: trigger-level `dependencies` (middleware) are not supported by Spindle yet");
                continue;
            }

            config[key] = TomlJson.ToJson(value);
        }

        if (trigger.Component?.Reference is { } id) config["component"] = id;
        if (trigger.Components.Count > 0)
        {
            var named = new JsonObject();
            foreach (var (name, specs) in trigger.Components)
            {
                var ids = new JsonArray();
                foreach (var spec in specs) ids.Add(spec.Reference);
                named[name] = ids;
            }

            config["components"] = named;
        }

        return new LockedTrigger { Id = trigger.Id, TriggerType = trigger.Type, TriggerConfig = TomlJson.Sorted(config) };
    }

    private static LockedComponent LockComponent(string id, ManifestComponent component, SpinManifest manifest, string appDirectory, string filesRoot, bool directMounts)
    {
        var allowed = component.NormalizedAllowedOutboundHosts;
        var metadata = new JsonObject();
        AddString(metadata, "description", component.Description);
        AddStrings(metadata, "allowed_outbound_hosts", allowed);
        AddStrings(metadata, "key_value_stores", component.KeyValueStores);
        AddStrings(metadata, "databases", component.SqliteDatabases);
        AddStrings(metadata, "ai_models", component.AiModels);
        if (component.Build is { } build) metadata["build"] = BuildMetadata(build);

        var hostRequirements = new JsonObject();
        foreach (var entry in allowed)
        {
            if (AllowedHost.TryParse(entry, out var host, out _) && host.IsServiceChaining)
            {
                hostRequirements["local_service_chaining"] = "required";
                break;
            }
        }

        var dependencies = new SortedDictionary<string, LockedComponentDependency>(StringComparer.Ordinal);
        foreach (var (name, dependency) in component.Dependencies)
        {
            dependencies[name] = LockDependency(name, dependency, component.DependenciesInheritConfiguration, manifest, appDirectory);
        }

        return new LockedComponent
        {
            Id = id,
            Metadata = TomlJson.Sorted(metadata),
            Source = LockSource(component.Source, appDirectory),
            Env = new SortedDictionary<string, string>(component.Environment.ToDictionary(), StringComparer.Ordinal),
            Files = LockFiles(id, component, appDirectory, filesRoot, directMounts),
            Config = new SortedDictionary<string, string>(component.Variables.ToDictionary(), StringComparer.Ordinal),
            Dependencies = dependencies,
            HostRequirements = hostRequirements,
        };
    }

    private static JsonObject BuildMetadata(ComponentBuild build)
    {
        var json = new JsonObject();
        if (build.IsCommandList)
        {
            var commands = new JsonArray();
            foreach (var command in build.Commands) commands.Add(command);
            json["command"] = commands;
        }
        else
        {
            json["command"] = build.Commands.Count > 0 ? build.Commands[0] : "";
        }

        if (build.Workdir is { } workdir) json["workdir"] = workdir;
        AddStrings(json, "watch", build.Watch);
        return TomlJson.Sorted(json);
    }

    private static LockedComponentSource LockSource(ComponentSource source, string appDirectory) => source.Kind switch
    {
        ComponentSourceKind.Local => new LockedComponentSource { Source = FileUri(Path.Combine(appDirectory, source.Path!)) },
        ComponentSourceKind.Remote => new LockedComponentSource { Source = source.Url, Digest = source.Digest },
        _ => throw new LockedAppException($"Failed to load Wasm source {source}: registry package sources are not supported by Spindle yet"),
    };

    private static LockedComponentDependency LockDependency(string name, ComponentDependency dependency, bool inheritAll, SpinManifest manifest, string appDirectory)
    {
        var source = dependency.Kind switch
        {
            ComponentDependencyKind.Local => new LockedComponentSource { Source = FileUri(Path.Combine(appDirectory, dependency.Path!)) },
            ComponentDependencyKind.Http => new LockedComponentSource { Source = dependency.Url, Digest = dependency.Digest },
            ComponentDependencyKind.AppComponent when manifest.Components.TryGetValue(dependency.Component!, out var target) => LockSource(target.Source, appDirectory),
            ComponentDependencyKind.AppComponent => throw new LockedAppException($"dependency ID {dependency.Component} does not exist"),
            _ => throw new LockedAppException($"Failed to load component dependency `{name}`: registry dependencies are not supported by Spindle yet"),
        };

        JsonNode? inherit = null;
        if (inheritAll || dependency.InheritAll)
        {
            inherit = "All";
        }
        else if (dependency.InheritConfigurations.Count > 0)
        {
            var some = new JsonArray();
            foreach (var item in dependency.InheritConfigurations) some.Add(item);
            inherit = new JsonObject { ["Some"] = some };
        }

        return new LockedComponentDependency { Source = source, Export = dependency.Export, Inherit = inherit };
    }

    private static List<ContentPath> LockFiles(string id, ManifestComponent component, string appDirectory, string filesRoot, bool directMounts)
    {
        if (component.Files.Count == 0) return [];
        if (directMounts)
        {
            if (component.ExcludeFiles.Count > 0) throw new LockedAppException("Cannot load a component with `exclude_files` using --direct-mounts");
            var mounts = new List<ContentPath>();
            foreach (var mount in component.Files)
            {
                var source = mount.Pattern ?? mount.Source!;
                var path = Path.GetFullPath(Path.Combine(appDirectory, source));
                if (!Directory.Exists(path))
                {
                    throw new LockedAppException($"Only directory mounts are supported with `--direct-mounts`; {RustDebug.String(source)} is not a directory.");
                }

                mounts.Add(new ContentPath { Source = FileUri(path), Path = mount.Pattern ?? mount.Destination! });
            }

            return mounts;
        }

        var root = Path.Combine(filesRoot, id);
        Directory.CreateDirectory(root);
        foreach (var file in ComponentFiles.Resolve(component, appDirectory))
        {
            var destination = Path.Combine(root, file.GuestPath);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file.SourcePath, destination, overwrite: true);
        }

        return [new ContentPath { Source = FileUri(root), Path = "/" }];
    }

    private static void AddString(JsonObject obj, string key, string value)
    {
        if (value.Length > 0) obj[key] = value;
    }

    private static void AddStrings(JsonObject obj, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        var array = new JsonArray();
        foreach (var value in values) array.Add(value);
        obj[key] = array;
    }
}
