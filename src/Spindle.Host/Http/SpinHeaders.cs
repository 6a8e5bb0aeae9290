using System.Net;
using Spindle.Host.Routing;

namespace Spindle.Host.Http;

/// <summary>The <c>spin-*</c> values of Spin's <c>compute_default_headers</c> (<c>crates/trigger-http/src/headers.rs</c>).</summary>
internal static class SpinHeaders
{
    public static readonly (string Env, string Wagi) FullUrl = ("SPIN_FULL_URL", "X_FULL_URL");
    public static readonly (string Env, string Wagi) PathInfo = ("SPIN_PATH_INFO", "PATH_INFO");
    public static readonly (string Env, string Wagi) MatchedRoute = ("SPIN_MATCHED_ROUTE", "X_MATCHED_ROUTE");
    public static readonly (string Env, string Wagi) ComponentRoute = ("SPIN_COMPONENT_ROUTE", "X_COMPONENT_ROUTE");
    public static readonly (string Env, string Wagi) RawComponentRoute = ("SPIN_RAW_COMPONENT_ROUTE", "X_RAW_COMPONENT_ROUTE");
    public static readonly (string Env, string Wagi) BasePath = ("SPIN_BASE_PATH", "X_BASE_PATH");
    public static readonly (string Env, string Wagi) ClientAddr = ("SPIN_CLIENT_ADDR", "X_CLIENT_ADDR");

    /// <summary>
    /// The values in Spin's order: path info, full URL (<c>{scheme}://{host}{path?query}</c>), matched route, base path
    /// (always <c>/</c>), raw component route, component route, client address, then one per <c>:name</c> segment.
    /// </summary>
    public static List<SpinHeader> Compute(string scheme, string host, string pathAndQuery, RouteMatch match, IPEndPoint clientAddress)
    {
        var headers = new List<SpinHeader>(7 + match.NamedWildcards.Count)
        {
            new(PathInfo.Env, PathInfo.Wagi, match.TrailingWildcard),
            new(FullUrl.Env, FullUrl.Wagi, $"{scheme}://{host}{pathAndQuery}"),
            new(MatchedRoute.Env, MatchedRoute.Wagi, match.BasedRoute),
            new(BasePath.Env, BasePath.Wagi, "/"),
            new(RawComponentRoute.Env, RawComponentRoute.Wagi, match.RawRoute),
            new(ComponentRoute.Env, ComponentRoute.Wagi, match.RawRouteOrPrefix),
            new(ClientAddr.Env, ClientAddr.Wagi, clientAddress.ToString()),
        };
        foreach (var (name, value) in match.NamedWildcards)
        {
            var upper = name.ToUpperInvariant();
            headers.Add(new("SPIN_PATH_MATCH_" + upper, "X_PATH_MATCH_" + upper, value));
        }

        return headers;
    }
}
