namespace Spindle.Host.Routing;

/// <summary>The route a request path matched, with what Spin derives from it for headers and the CGI environment.</summary>
internal sealed class RouteMatch
{
    private readonly string? _wildcard;
    private readonly string _path;

    internal RouteMatch(RouteInfo route, string path, string? wildcard, IReadOnlyList<KeyValuePair<string, string>>? captures)
    {
        Route = route;
        _path = path;
        _wildcard = wildcard;
        NamedWildcards = captures ?? [];
    }

    public RouteInfo Route { get; }

    public TriggerLookupKey Key => Route.Key;

    /// <summary>The matched route with the base, as written (<c>/foo/...</c>).</summary>
    public string BasedRoute => Route.BasedRoute;

    /// <summary>The route as written in the manifest.</summary>
    public string RawRoute => Route.RawRoute;

    public string BasedRouteOrPrefix => StripWildcard(Route.BasedRoute);

    public string RawRouteOrPrefix => StripWildcard(Route.RawRoute);

    /// <summary>The <c>:name</c> segments and their values, in route order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> NamedWildcards { get; }

    /// <summary>
    /// The part of the path the trailing wildcard matched, with Spin's slashes restored: <c>/test/...</c> gives
    /// <c>""</c> for <c>/test</c>, <c>/</c> for <c>/test/</c>, <c>/hello/</c> for <c>/test/hello/</c>; <c>""</c> for exact routes.
    /// </summary>
    public string TrailingWildcard
    {
        get
        {
            if (_wildcard is null)
            {
                return "";
            }

            var trailingSlash = _path.EndsWith('/');
            return (_wildcard.Length == 0, trailingSlash) switch
            {
                (true, false) => "",
                (true, true) => "/",
                (false, false) => "/" + _wildcard,
                (false, true) => "/" + _wildcard + "/",
            };
        }
    }

    private static string StripWildcard(string route) => route.EndsWith("/...", StringComparison.Ordinal) ? route[..^4] : route;
}
