using Spindle.Host.Routing;

namespace Spindle.Host.Tests.Routing;

/// <summary>The cases of Spin's <c>crates/routes</c> <c>route_tests</c> and routefinder's tests.</summary>
public sealed class RouterTests
{
    private static Router Build(string basePath, params (string Id, string Route)[] routes) => Build(basePath, null, routes);

    private static Router Build(string basePath, List<DuplicateRoute>? duplicates, params (string Id, string Route)[] routes)
    {
        var entries = new List<RouteEntry>();
        foreach (var (id, route) in routes)
        {
            entries.Add(RouteEntry.Pattern(id, route));
        }

        return Router.Build(basePath, entries, duplicates);
    }

    [Theory]
    // test_router_exact
    [InlineData("/", "foo=/foo;foobar=/foo/bar", "/foo", "foo")]
    [InlineData("/", "foo=/foo;foobar=/foo/bar", "/foo/bar", "foobar")]
    // test_router_respects_base
    [InlineData("/base", "foo=/foo;foobar=/foo/bar", "/base/foo", "foo")]
    [InlineData("/base", "foo=/foo;foobar=/foo/bar", "/base/foo/bar", "foobar")]
    // test_router_wildcard
    [InlineData("/", "all=/...", "/foo/bar", "all")]
    [InlineData("/", "all=/...", "/abc/", "all")]
    [InlineData("/", "all=/...", "/", "all")]
    [InlineData("/", "all=/...", "/this/should/be/captured?abc=def", "all")]
    // test_router_respects_longest_match, both orders
    [InlineData("/", "one_wildcard=/one/...;onetwo_wildcard=/one/two/...;onetwothree_wildcard=/one/two/three/...", "/one/two/three/four", "onetwothree_wildcard")]
    [InlineData("/", "onetwothree_wildcard=/one/two/three/...;onetwo_wildcard=/one/two/...;one_wildcard=/one/...", "/one/two/three/four", "onetwothree_wildcard")]
    // test_router_exact_beats_wildcard
    [InlineData("/", "one_exact=/one;wildcard=/...", "/one", "one_exact")]
    [InlineData("/", "wildcard=/...;one_exact=/one", "/one", "one_exact")]
    // routefinder prefix_ambiguity and the precedence exact > param > wildcard
    [InlineData("/", "exact=/foo/bar;param=/foo/:bar", "/foo/bar", "exact")]
    [InlineData("/", "exact=/foo/bar;param=/foo/:bar", "/foo/qux", "param")]
    [InlineData("/", "wild=/users/...;id=/users/:id;me=/users/me", "/users/me", "me")]
    [InlineData("/", "wild=/users/...;id=/users/:id;me=/users/me", "/users/42", "id")]
    [InlineData("/", "wild=/users/...;id=/users/:id;me=/users/me", "/users/42/x", "wild")]
    [InlineData("/", "wild=/users/...;id=/users/:id;me=/users/me", "/users", "wild")]
    // routefinder trailing_slashes: exact routes ignore a trailing slash both ways
    [InlineData("/", "c=/foo/bar", "/foo/bar/", "c")]
    [InlineData("/", "c=/foo/bar/", "/foo/bar", "c")]
    // the root route and a catch-all: the exact root wins on "/"
    [InlineData("/", "all=/...;root=/", "/", "root")]
    [InlineData("/", "all=/...;root=/", "/x", "all")]
    [InlineData("/", "prefix=/foo/...;exact=/foo", "/foo", "exact")]
    // routes without a leading slash are absolutized; "/*" is a wildcard too
    [InlineData("/", "c=foo", "/foo", "c")]
    [InlineData("/", "c=/static/*", "/static/a/b", "c")]
    // no match
    [InlineData("/", "foo=/foo", "/foobar", null)]
    [InlineData("/", "foo=/foo/...", "/foobar", null)]
    [InlineData("/", "foo=/foo", "/", null)]
    [InlineData("/", "p=/1/:two/3", "/1//3", null)]
    public void Route_SelectsComponentAsSpin(string basePath, string routes, string path, string? expected)
    {
        var pairs = new List<(string, string)>();
        foreach (var pair in routes.Split(';'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            pairs.Add((pair[..equals], pair[(equals + 1)..]));
        }

        var match = Build(basePath, [.. pairs]).Route(path);

        Assert.Equal(expected, match?.Key.Id);
    }

    [Fact]
    public void Route_ReturnsTriggerOrComponent()
    {
        var router = Router.Build("/", [
            new RouteEntry(TriggerLookupKey.Component("compy"), "/foo"),
            new RouteEntry(TriggerLookupKey.Trigger("triggy"), "/foo/bar"),
        ]);

        Assert.Equal(TriggerLookupKey.Component("compy"), router.Route("/foo")!.Key);
        Assert.Equal(TriggerLookupKey.Trigger("triggy"), router.Route("/foo/bar")!.Key);
    }

    [Fact]
    public void Routes_WildcardUsesCustomDisplay()
    {
        var route = Assert.Single(Build("/", ("comp", "/whee/...")).Routes);

        Assert.Equal("comp", route.Key.Id);
        Assert.Equal("/whee (wildcard)", route.ToString());
    }

    [Fact]
    public void Build_SensibleRoutesAreReachable()
    {
        var duplicates = new List<DuplicateRoute>();
        var router = Build("/", duplicates, ("/", "/"), ("/foo", "/foo"), ("/bar", "/bar"), ("/whee/...", "/whee/..."));

        Assert.Equal(4, router.Routes.Count);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Routes_PreserveDeclarationOrder()
    {
        var router = Build("/", ("comp-/", "/"), ("comp-/foo", "/foo"), ("comp-/bar", "/bar"), ("comp-/whee/...", "/whee/..."));

        Assert.Equal(["comp-/", "comp-/foo", "comp-/bar", "comp-/whee/..."], router.Routes.Select(r => r.Key.Id));
    }

    [Fact]
    public void Build_DuplicateRoutesAreUnreachable()
    {
        var duplicates = new List<DuplicateRoute>();
        var router = Build("/", duplicates, ("comp-/", "/"), ("comp-first /foo", "/foo"), ("comp-second /foo", "/foo"), ("comp-/whee/...", "/whee/..."));

        Assert.Equal(3, router.Routes.Count);
        Assert.Single(duplicates);
    }

    [Fact]
    public void Build_DuplicateRoutesLastOneWins()
    {
        var duplicates = new List<DuplicateRoute>();
        var router = Build("/", duplicates, ("comp-/", "/"), ("comp-first /foo", "/foo"), ("comp-second /foo", "/foo"), ("comp-/whee/...", "/whee/..."));

        Assert.Equal("comp-second /foo", router.Routes[1].Key.Id);
        Assert.Equal("comp-second /foo", router.Route("/foo")!.Key.Id);
        Assert.Equal("comp-first /foo", duplicates[0].ReplacedId);
        Assert.Equal("comp-second /foo", duplicates[0].EffectiveId);
    }

    [Fact]
    public void Build_DuplicateReportingIsFaithful()
    {
        var duplicates = new List<DuplicateRoute>();
        Build("/", duplicates,
            ("comp-first /", "/"), ("comp-second /", "/"),
            ("comp-first /foo", "/foo"), ("comp-second /foo", "/foo"),
            ("comp-first /...", "/..."), ("comp-second /...", "/..."),
            ("comp-first /whee/...", "/whee/..."), ("comp-second /whee/...", "/whee/..."));

        Assert.Equal(4, duplicates.Count);
        Assert.Equal(("comp-first /", "/"), (duplicates[0].ReplacedId, duplicates[0].Route));
        Assert.Equal(("comp-first /foo", "/foo"), (duplicates[1].ReplacedId, duplicates[1].Route));
        Assert.Equal(("comp-first /...", "/..."), (duplicates[2].ReplacedId, duplicates[2].Route));
        Assert.Equal(("comp-first /whee/...", "/whee/..."), (duplicates[3].ReplacedId, duplicates[3].Route));
    }

    [Fact]
    public void Build_SkipsPrivateRoutes()
    {
        var router = Router.Build("/", [
            RouteEntry.Pattern("comp-/", "/"),
            RouteEntry.Pattern("comp-/foo", "/foo"),
            new RouteEntry(TriggerLookupKey.Component("comp-private"), null, Private: true),
            RouteEntry.Pattern("comp-/whee/...", "/whee/..."),
        ]);

        Assert.Equal(3, router.Routes.Count);
        Assert.DoesNotContain(router.Routes, r => r.Key.Id == "comp-private");
    }

    [Fact]
    public void Build_PrivateFalse_IsAnErrorNamingTheComponent()
    {
        var error = Assert.Throws<SpinHostException>(() => Router.Build("/", [
            RouteEntry.Pattern("comp-/", "/"),
            new RouteEntry(TriggerLookupKey.Component("comp-bad component"), null, Private: false),
        ]));

        Assert.Contains("comp-bad component", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/a/*/b")]
    [InlineData("/users/:")]
    public void Build_MalformedRoute_NamesRouteAndComponent(string route)
    {
        var error = Assert.Throws<SpinHostException>(() => Build("/", ("api", route)));

        Assert.Contains("associated with component api", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // trailing_wildcard_is_captured
    [InlineData("/...", "/1/2/3", "/1/2/3")]
    [InlineData("/1/...", "/1/2/3", "/2/3")]
    // trailing_wildcard_respects_trailing_slash
    [InlineData("/test/...", "/test", "")]
    [InlineData("/test/...", "/test/", "/")]
    [InlineData("/test/...", "/test/hello", "/hello")]
    [InlineData("/test/...", "/test/hello/", "/hello/")]
    [InlineData("/...", "/", "/")]
    // exact routes have no path info
    [InlineData("/foo", "/foo", "")]
    public void TrailingWildcard_IsCapturedAsSpin(string route, string path, string expected)
    {
        Assert.Equal(expected, Build("/", ("comp", route)).Route(path)!.TrailingWildcard);
    }

    [Theory]
    // named_wildcard_is_captured
    [InlineData("/1/:two/3")]
    [InlineData("/1/:two/...")]
    public void NamedWildcard_IsCaptured(string route)
    {
        var match = Build("/", ("comp", route)).Route("/1/2/3")!;

        Assert.Equal(new KeyValuePair<string, string>("two", "2"), Assert.Single(match.NamedWildcards));
    }

    [Theory]
    [InlineData("/.well-known/spin/...", true)]
    [InlineData("/.well-known/spin/fie", true)]
    [InlineData("/.well-known/spindle/...", false)]
    [InlineData("/.well-known/spi/...", false)]
    [InlineData("/.well-known/spin", false)]
    public void ContainsReservedRoute_AsSpin(string route, bool reserved)
    {
        Assert.Equal(reserved, Build("/", ("comp", route)).ContainsReservedRoute);
    }
}
