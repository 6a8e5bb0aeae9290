using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary>
/// A <c>[[trigger.&lt;type&gt;]]</c> entry. <see cref="Config"/> holds every trigger-type-specific key as written;
/// <see cref="Http"/> and <see cref="Redis"/> are the typed views for the built-in types.
/// </summary>
public sealed class ManifestTrigger
{
    public string Type { get; init; } = "";

    /// <summary>The <c>id</c> as written; empty when generated at lock time (<c>&lt;component&gt;-&lt;type&gt;-trigger</c>).</summary>
    public string Id { get; init; } = "";

    public ComponentSpec? Component { get; init; }

    /// <summary><c>components = { name = id | [ids] }</c> (reserved by Spin for future use).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ComponentSpec>> Components { get; init; } = new Dictionary<string, IReadOnlyList<ComponentSpec>>();

    /// <summary>The trigger-type-specific keys (everything except <c>id</c>, <c>component</c>, <c>components</c>).</summary>
    public TomlTable Config { get; init; } = new();

    public HttpTriggerConfig? Http { get; init; }

    public RedisTriggerConfig? Redis { get; init; }

    public TomlPosition Position { get; init; }
}
