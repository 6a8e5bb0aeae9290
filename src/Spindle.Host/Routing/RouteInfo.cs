namespace Spindle.Host.Routing;

/// <summary>A reachable route, for the startup listing: its path without <c>/...</c> and whether it is a wildcard.</summary>
internal sealed record RouteInfo(TriggerLookupKey Key, string BasedRoute, string RawRoute, string PathWithoutWildcard, bool IsWildcard)
{
    /// <summary>The path as Spin displays it: <c>/</c> for the root.</summary>
    public string Path => PathWithoutWildcard.Length == 0 ? "/" : PathWithoutWildcard;

    /// <summary>Spin's display: <c>/whee (wildcard)</c> or <c>/foo</c>.</summary>
    public override string ToString() => IsWildcard ? $"{PathWithoutWildcard} (wildcard)" : PathWithoutWildcard;

    internal RoutePattern Pattern { get; init; } = null!;
}
