using System.Net;
using Spindle.Host.Http;
using Spindle.Host.Routing;

namespace Spindle.Host.Tests.Http;

/// <summary>The cases of Spin's <c>crates/trigger-http/src/headers.rs</c> tests.</summary>
public sealed class SpinHeadersTests
{
    private static Dictionary<string, string> Compute(string route, string path, string query)
    {
        var router = Router.Build("/", [RouteEntry.Pattern("DUMMY", route)]);
        var match = router.Route(path)!;
        var headers = SpinHeaders.Compute("https", "fermyon.dev", path + query, match, IPEndPoint.Parse("127.0.0.1:8777"));
        var byName = new Dictionary<string, string>();
        foreach (var header in headers)
        {
            byName[header.HeaderName] = header.Value;
            byName[header.WagiName] = header.Value;
            byName[header.EnvName] = header.Value;
        }

        return byName;
    }

    [Theory]
    [InlineData("SPIN_FULL_URL", "spin-full-url")]
    [InlineData("SPIN_PATH_INFO", "spin-path-info")]
    [InlineData("SPIN_RAW_COMPONENT_ROUTE", "spin-raw-component-route")]
    [InlineData("SPIN_PATH_MATCH_USERID", "spin-path-match-userid")]
    public void HeaderName_IsEnvNameLowercasedWithDashes(string env, string header)
    {
        Assert.Equal(header, new SpinHeader(env, "X", "").HeaderName);
    }

    [Theory]
    // test_default_headers
    [InlineData("spin-full-url", "https://fermyon.dev/foo/bar?key1=value1&key2=value2")]
    [InlineData("spin-path-info", "/bar")]
    [InlineData("spin-matched-route", "/foo/...")]
    [InlineData("spin-base-path", "/")]
    [InlineData("spin-raw-component-route", "/foo/...")]
    [InlineData("spin-component-route", "/foo")]
    [InlineData("spin-client-addr", "127.0.0.1:8777")]
    [InlineData("X_FULL_URL", "https://fermyon.dev/foo/bar?key1=value1&key2=value2")]
    [InlineData("PATH_INFO", "/bar")]
    [InlineData("X_MATCHED_ROUTE", "/foo/...")]
    [InlineData("X_BASE_PATH", "/")]
    [InlineData("X_RAW_COMPONENT_ROUTE", "/foo/...")]
    [InlineData("X_COMPONENT_ROUTE", "/foo")]
    [InlineData("X_CLIENT_ADDR", "127.0.0.1:8777")]
    public void Compute_DefaultHeaders(string name, string expected)
    {
        Assert.Equal(expected, Compute("/foo/...", "/foo/bar", "?key1=value1&key2=value2")[name]);
    }

    [Theory]
    // test_default_headers_with_named_wildcards
    [InlineData("spin-full-url", "https://fermyon.dev/foo/42/bar?key1=value1&key2=value2")]
    [InlineData("spin-path-info", "/bar")]
    [InlineData("spin-matched-route", "/foo/:userid/...")]
    [InlineData("spin-base-path", "/")]
    [InlineData("spin-raw-component-route", "/foo/:userid/...")]
    [InlineData("spin-component-route", "/foo/:userid")]
    [InlineData("spin-client-addr", "127.0.0.1:8777")]
    [InlineData("SPIN_PATH_MATCH_USERID", "42")]
    [InlineData("spin-path-match-userid", "42")]
    [InlineData("X_PATH_MATCH_USERID", "42")]
    public void Compute_DefaultHeadersWithNamedWildcards(string name, string expected)
    {
        Assert.Equal(expected, Compute("/foo/:userid/...", "/foo/42/bar", "?key1=value1&key2=value2")[name]);
    }

    [Fact]
    public void Compute_ExactRoute_HasEmptyPathInfo()
    {
        var headers = Compute("/hello", "/hello", "");

        Assert.Equal("", headers["spin-path-info"]);
        Assert.Equal("/hello", headers["spin-component-route"]);
        Assert.Equal("https://fermyon.dev/hello", headers["spin-full-url"]);
    }

    [Theory]
    // forbidden_headers_are_removed / non_forbidden_headers_are_not_removed
    [InlineData("Host", "test.spin.internal", true)]
    [InlineData("Host", "test.spin.internal:1234", true)]
    [InlineData("host", "TEST.SPIN.INTERNAL", true)]
    [InlineData("Connection", "keep-alive", true)]
    [InlineData("Host", "test.example.org", false)]
    [InlineData("Host", "127.0.0.1:3000", false)]
    [InlineData("accept", "text/plain", false)]
    public void IsForbidden_AsSpin(string name, string value, bool forbidden)
    {
        Assert.Equal(forbidden, ForbiddenHeaders.IsForbidden(name, value));
    }
}
