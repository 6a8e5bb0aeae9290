using Spindle.Spin.Outbound;
using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary><c>[component.&lt;id&gt;]</c> (or an inline <c>component = { ... }</c> in a trigger).</summary>
public sealed class ManifestComponent
{
    public ComponentSource Source { get; init; } = new();

    public string Description { get; init; } = "";

    /// <summary>Component variables: name to template over app variables.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>WASI environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<FileMount> Files { get; init; } = [];

    public IReadOnlyList<string> ExcludeFiles { get; init; } = [];

    public IReadOnlyList<string> AllowedOutboundHosts { get; init; } = [];

    /// <summary>Deprecated; folded into <see cref="NormalizedAllowedOutboundHosts"/>.</summary>
    public IReadOnlyList<string> AllowedHttpHosts { get; init; } = [];

    public IReadOnlyList<string> KeyValueStores { get; init; } = [];

    public IReadOnlyList<string> SqliteDatabases { get; init; } = [];

    public IReadOnlyList<string> AiModels { get; init; } = [];

    public IReadOnlyList<TargetEnvironment> Targets { get; init; } = [];

    public ComponentBuild? Build { get; init; }

    public IReadOnlyDictionary<string, TomlTable> Tool { get; init; } = new Dictionary<string, TomlTable>();

    public bool DependenciesInheritConfiguration { get; init; }

    /// <summary>Import name (<c>"my:lib/math"</c>) to how it is satisfied.</summary>
    public IReadOnlyDictionary<string, ComponentDependency> Dependencies { get; init; } = new Dictionary<string, ComponentDependency>();

    public IReadOnlyDictionary<string, ComponentProfile> Profiles { get; init; } = new Dictionary<string, ComponentProfile>();

    /// <summary>Where the component table (or inline table) starts.</summary>
    public TomlPosition Position { get; init; }

    /// <summary><c>allowed_outbound_hosts</c> followed by the converted deprecated <c>allowed_http_hosts</c>.</summary>
    public IReadOnlyList<string> NormalizedAllowedOutboundHosts
    {
        get
        {
            if (AllowedHttpHosts.Count == 0) return AllowedOutboundHosts;
            return [.. AllowedOutboundHosts, .. AllowedHttpHostsConverter.ToAllowedOutboundHosts(AllowedHttpHosts, allowDatabaseAccess: false)];
        }
    }
}
