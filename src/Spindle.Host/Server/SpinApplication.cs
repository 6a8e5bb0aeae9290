using Spindle.Host.Execution;
using Spindle.Host.Routing;

namespace Spindle.Host.Server;

/// <summary>An app ready to serve: its router, one executor per routed component (compiled once), static responses.</summary>
internal sealed class SpinApplication
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    /// <summary>Set only when a host knows the OCI digest the app came from (Spin's <c>oci_image_digest</c> metadata).</summary>
    public string? OciImageDigest { get; init; }

    public required Router Router { get; init; }

    public IReadOnlyList<DuplicateRoute> DuplicateRoutes { get; init; } = [];

    public required IReadOnlyDictionary<string, IComponentExecutor> Executors { get; init; }

    /// <summary>By trigger id.</summary>
    public IReadOnlyDictionary<string, StaticResponseSpec> StaticResponses { get; init; } = new Dictionary<string, StaticResponseSpec>();

    /// <summary>Component descriptions, printed under their routes at startup.</summary>
    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Warnings to show at startup (duplicate and reserved routes, Wagi deprecation).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
