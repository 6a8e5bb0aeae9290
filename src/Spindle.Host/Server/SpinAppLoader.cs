using System.Text;
using System.Text.Json.Nodes;
using Spindle.Host.Execution;
using Spindle.Host.Routing;
using Spindle.Host.Wagi;
using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;
using Spindle.Wasi;
using Spindle.Wasm;

namespace Spindle.Host.Server;

/// <summary>
/// Prepares a locked app for serving: builds the router from its HTTP triggers and compiles each routed component
/// once. Every problem (bad route, missing or unsupported Wasm, unsupported executor) is reported at once.
/// </summary>
internal static class SpinAppLoader
{
    private static readonly byte[] ComponentPreamble = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00];

    /// <summary>What the loader needs besides the app.</summary>
    internal sealed record LoadOptions
    {
        /// <summary><c>-c/--component-id</c> (or <c>SPIN_COMPONENTS_TO_RETAIN</c>): serve only these; empty means all.</summary>
        public IReadOnlyCollection<string> ComponentsToRetain { get; init; } = [];

        /// <summary><c>-e/--env NAME=VALUE</c>: added to every component's environment.</summary>
        public IReadOnlyList<string> ExtraEnvironment { get; init; } = [];

        public ComponentStdio Stdio { get; init; } = ComponentStdio.Discard;

        public TimeSpan? RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

        public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    }

    public static SpinApplication Load(LockedApp app, Engine engine, LoadOptions options)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var entries = new List<RouteEntry>();
        var executors = new Dictionary<string, IComponentExecutor>(StringComparer.Ordinal);
        var statics = new Dictionary<string, StaticResponseSpec>(StringComparer.Ordinal);
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var retain = new HashSet<string>(options.ComponentsToRetain, StringComparer.Ordinal);
        foreach (var id in retain)
        {
            if (app.FindComponent(id) is null)
            {
                errors.Add($"Specified component \"{id}\" not found in application");
            }
        }

        var wagiUsed = false;
        foreach (var trigger in app.Triggers)
        {
            if (trigger.TriggerType != "http")
            {
                continue;
            }

            var config = trigger.TriggerConfig;
            var componentId = trigger.ComponentId;
            if (config["static_response"] is JsonObject staticResponse)
            {
                if (!TryRoute(config, TriggerLookupKey.Trigger(trigger.Id), entries, errors))
                {
                    continue;
                }

                statics[trigger.Id] = ReadStaticResponse(staticResponse);
                continue;
            }

            if (componentId is null || retain.Count > 0 && !retain.Contains(componentId))
            {
                continue;
            }

            if (!TryRoute(config, TriggerLookupKey.Component(componentId), entries, errors) || executors.ContainsKey(componentId))
            {
                continue;
            }

            var component = app.FindComponent(componentId);
            if (component is null)
            {
                errors.Add($"trigger '{trigger.Id}' refers to component '{componentId}', which the app does not define");
                continue;
            }

            if (component.GetMetadataString("description") is { Length: > 0 } description)
            {
                descriptions[componentId] = description;
            }

            var executor = config["executor"] as JsonObject;
            var executorType = (string?)executor?["type"] ?? "http";
            if (executorType != "wagi")
            {
                errors.Add($"component '{componentId}' uses the '{executorType}' executor (a Spin or wasi-http handler, which needs the WebAssembly component model); Spindle serves Wagi components for now: build it as a WASI command module and set `executor = {{ type = \"wagi\" }}` on its [[trigger.http]]");
                continue;
            }

            wagiUsed = true;
            var module = TryCompile(component, engine, errors);
            if (module is null)
            {
                continue;
            }

            var environment = new List<string>();
            foreach (var (name, value) in component.Env)
            {
                environment.Add(name + "=" + value);
            }

            environment.AddRange(options.ExtraEnvironment);
            executors[componentId] = new WagiExecutor(componentId, module, new WagiSettings
            {
                Argv = (string?)executor?["argv"] ?? HttpExecutor.DefaultWagiArgv,
                Entrypoint = (string?)executor?["entrypoint"] ?? "_start",
                Environment = environment,
                Preopens = Mounts(component, warnings),
                Stdio = options.Stdio,
                EpochDeadline = EpochTicker.DeadlineFor(options.RequestTimeout),
                RequestTimeout = options.RequestTimeout,
                TimeProvider = options.TimeProvider,
            });
        }

        var duplicates = new List<DuplicateRoute>();
        Router? router = null;
        try
        {
            router = Router.Build("/", entries, duplicates);
        }
        catch (SpinHostException e)
        {
            errors.Add(e.Message);
        }

        if (errors.Count > 0)
        {
            throw new SpinHostException(string.Join(Environment.NewLine, errors));
        }

        if (duplicates.Count > 0)
        {
            var text = new StringBuilder("The following component routes are duplicates and will never be used:");
            foreach (var duplicate in duplicates)
            {
                text.Append($"\n  {duplicate.ReplacedId}: {duplicate.Route} (duplicate of {duplicate.EffectiveId})");
            }

            warnings.Add(text.ToString());
        }

        if (router!.ContainsReservedRoute)
        {
            warnings.Add($"Routes under {Router.WellKnownPrefix} are handled by the Spin runtime, and will never be reached");
        }

        if (wagiUsed)
        {
            warnings.Add("This application uses the Wagi executor, which Spin plans to deprecate (spinframework/spin#3520).");
        }

        return new SpinApplication
        {
            Name = app.Name ?? "",
            Version = app.Metadata["version"] is JsonValue v && v.TryGetValue<string>(out var version) ? version : null,
            OciImageDigest = app.Metadata["oci_image_digest"] is JsonValue d && d.TryGetValue<string>(out var digest) ? digest : null,
            Router = router,
            DuplicateRoutes = duplicates,
            Executors = executors,
            StaticResponses = statics,
            Descriptions = descriptions,
            Warnings = warnings,
        };
    }

    private static bool TryRoute(JsonObject config, TriggerLookupKey key, List<RouteEntry> entries, List<string> errors)
    {
        switch (config["route"])
        {
            case JsonValue value when value.TryGetValue<string>(out var route):
                entries.Add(new RouteEntry(key, route));
                return true;
            case JsonObject endpoint when endpoint["private"] is JsonValue p && p.TryGetValue<bool>(out var isPrivate):
                entries.Add(new RouteEntry(key, null, isPrivate));
                return true;
            default:
                errors.Add($"'{key}': the http trigger needs `route = \"/path\"` or `route = {{ private = true }}`");
                return false;
        }
    }

    private static Module? TryCompile(LockedComponent component, Engine engine, List<string> errors)
    {
        byte[] bytes;
        try
        {
            if (component.Source.Inline is { } inline)
            {
                bytes = inline;
            }
            else if (component.Source.Source is { } source && Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.IsFile)
            {
                bytes = File.ReadAllBytes(uri.LocalPath);
            }
            else
            {
                errors.Add($"component '{component.Id}': source '{component.Source.Source ?? component.Source.Digest}' is not a local file; run `spindle registry pull` or build the app first");
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"component '{component.Id}': cannot read Wasm source '{component.Source.Source}': {e.Message.TrimEnd('.')}. Build the app (spindle build) or fix `source` in spin.toml");
            return null;
        }

        if (bytes.AsSpan().StartsWith(ComponentPreamble))
        {
            errors.Add($"component '{component.Id}' is a WebAssembly component (component model), which Spindle cannot run yet; build it as a WASI preview 1 command module for the Wagi executor");
            return null;
        }

        try
        {
            var module = Module.FromBytes(engine, bytes, component.Id);
            foreach (var import in module.Imports)
            {
                if (import.Module != WasiContext.ModuleName)
                {
                    errors.Add($"component '{component.Id}' imports {import.Module}::{import.Name}; a Wagi component may import only {WasiContext.ModuleName}");
                    return null;
                }
            }

            return module;
        }
        catch (WasmException e)
        {
            errors.Add($"component '{component.Id}': invalid Wasm in '{component.Source.Source}': {e.Message}; point `source` in spin.toml at a .wasm module built for WASI preview 1");
            return null;
        }
    }

    private static List<WasiPreopen> Mounts(LockedComponent component, List<string> warnings)
    {
        var preopens = new List<WasiPreopen>();
        foreach (var file in component.Files)
        {
            if (file.Source is { } source && Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.IsFile && Directory.Exists(uri.LocalPath))
            {
                preopens.Add(new WasiPreopen(uri.LocalPath, file.Path, ReadOnly: true));
            }
            else
            {
                warnings.Add($"component '{component.Id}': files entry for '{file.Path}' is not a local directory and is not mounted");
            }
        }

        return preopens;
    }

    private static StaticResponseSpec ReadStaticResponse(JsonObject response)
    {
        var status = response["status_code"] is JsonValue s && s.TryGetValue<int>(out var code) ? code : 200;
        var headers = new List<KeyValuePair<string, string>>();
        if (response["headers"] is JsonObject map)
        {
            foreach (var (name, value) in map)
            {
                headers.Add(new(name, value?.ToString() ?? ""));
            }
        }

        var body = response["body"] is JsonValue b && b.TryGetValue<string>(out var text) ? Encoding.UTF8.GetBytes(text) : [];
        return new StaticResponseSpec(status, headers, body);
    }
}
