using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary><c>[application]</c>.</summary>
public sealed class AppDetails
{
    public string Name { get; init; } = "";

    public string Version { get; init; } = "";

    public string Description { get; init; } = "";

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary><c>targets</c>: deployment environments the app must be compatible with.</summary>
    public IReadOnlyList<TargetEnvironment> Targets { get; init; } = [];

    /// <summary><c>[application.trigger.&lt;type&gt;]</c>: trigger-global settings (e.g. redis <c>address</c>, deprecated http <c>base</c>).</summary>
    public IReadOnlyDictionary<string, TomlTable> TriggerGlobalConfigs { get; init; } = new Dictionary<string, TomlTable>();

    /// <summary><c>[application.tool.&lt;name&gt;]</c>: settings for tools and plugins; Spin ignores them.</summary>
    public IReadOnlyDictionary<string, TomlTable> Tool { get; init; } = new Dictionary<string, TomlTable>();
}
