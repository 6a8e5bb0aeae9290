namespace Spindle.Host.Routing;

/// <summary>
/// Spin's HTTP router (<c>spin-http</c> routes over routefinder): exact routes, <c>:name</c> segments and trailing
/// <c>/...</c> wildcards; the most specific route wins; a route declared twice keeps the last declaration.
/// </summary>
internal sealed class Router
{
    /// <summary>Paths under this prefix are answered by the host and never reach a component.</summary>
    public const string WellKnownPrefix = "/.well-known/spin/";

    private readonly RouteInfo[] _routes;

    private Router(RouteInfo[] routes) => _routes = routes;

    /// <summary>The reachable routes in declaration order (a replaced duplicate keeps its first position).</summary>
    public IReadOnlyList<RouteInfo> Routes => _routes;

    /// <summary>Whether a route lies under <c>/.well-known/spin/</c>, where it can never be reached.</summary>
    public bool ContainsReservedRoute
    {
        get
        {
            foreach (var route in _routes)
            {
                if (route.BasedRoute.StartsWith(WellKnownPrefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Builds the router; private routes are skipped. Throws <see cref="SpinHostException"/> naming the component for a bad route.</summary>
    public static Router Build(string basePath, IEnumerable<RouteEntry> entries, List<DuplicateRoute>? duplicates = null)
    {
        var order = new List<string>();
        var byRaw = new Dictionary<string, (RouteEntry Entry, string Based)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Private is { } isPrivate)
            {
                if (isPrivate)
                {
                    continue;
                }

                throw new SpinHostException($"route must be a string pattern or '{{ private = true }}': '{entry.Key}' has {{ private = false }}");
            }

            var raw = entry.Route ?? "";
            var based = SanitizeWithBase(basePath, raw);
            if (byRaw.TryGetValue(raw, out var replaced))
            {
                duplicates?.Add(new DuplicateRoute(replaced.Based, replaced.Entry.Key.Id, entry.Key.Id));
            }
            else
            {
                order.Add(raw);
            }

            byRaw[raw] = (entry, based);
        }

        var routes = new RouteInfo[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var (entry, based) = byRaw[order[i]];
            string spec;
            string path;
            bool wildcard;
            if (based.EndsWith("/...", StringComparison.Ordinal))
            {
                path = based[..^4];
                spec = path + "/*";
                wildcard = true;
            }
            else if (based.EndsWith("/*", StringComparison.Ordinal))
            {
                path = based[..^2];
                spec = based;
                wildcard = true;
            }
            else
            {
                path = based;
                spec = based;
                wildcard = false;
            }

            var pattern = RoutePattern.TryParse(spec, out var error)
                ?? throw new SpinHostException($"Error parsing route {based} associated with component {entry.Key}: {error}");
            routes[i] = new RouteInfo(entry.Key, based, order[i], path, wildcard) { Pattern = pattern };
        }

        return new Router(routes);
    }

    /// <summary>The best route for <paramref name="path"/> (the request path without query, not percent-decoded), or null.</summary>
    public RouteMatch? Route(string path)
    {
        RouteInfo? best = null;
        string? bestWildcard = null;
        List<KeyValuePair<string, string>>? bestCaptures = null;
        foreach (var route in _routes)
        {
            if (!route.Pattern.TryMatch(path, out var wildcard, out var captures))
            {
                continue;
            }

            if (best is null || route.Pattern.CompareSpecificity(best.Pattern) > 0)
            {
                best = route;
                bestWildcard = wildcard;
                bestCaptures = captures;
            }
        }

        return best is null ? null : new RouteMatch(best, path, best.IsWildcard ? bestWildcard ?? "" : null, bestCaptures);
    }

    /// <summary>Spin's <c>sanitize_with_base</c>: absolutize the route, strip one trailing slash from base and route.</summary>
    internal static string SanitizeWithBase(string basePath, string route)
    {
        var absolute = route.StartsWith('/') ? route : "/" + route;
        return StripOneSlash(basePath) + StripOneSlash(absolute);
    }

    private static string StripOneSlash(string value) => value.EndsWith('/') ? value[..^1] : value;
}
