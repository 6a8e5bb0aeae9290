using Spindle.Spin.Outbound;

namespace Spindle.Spin.Tests.Outbound;

public class AllowedOutboundHostsTests
{
    [Theory]
    // test_allowed_hosts_can_be_specific
    [InlineData("*://spin.fermyon.dev:443,http://example.com:8383", "http://example.com:8383/foo/bar", "http", true)]
    [InlineData("*://spin.fermyon.dev:443,http://example.com:8383", "https://spin.fermyon.dev", "https", true)]
    [InlineData("*://spin.fermyon.dev:443,http://example.com:8383", "https://spin.fermyon.dev/", "https", true)]
    [InlineData("*://spin.fermyon.dev:443,http://example.com:8383", "http://example.com/", "http", false)]
    [InlineData("*://spin.fermyon.dev:443,http://example.com:8383", "http://google.com/", "http", false)]
    [InlineData("*://spin.fermyon.dev:443,http://example.com:8383", "spin.fermyon.dev:443", "https", true)]
    [InlineData("*://spin.fermyon.dev:443,http://example.com:8383", "example.com:8383", "http", true)]
    // test_allowed_hosts_with_trailing_slash
    [InlineData("https://my.api.com/", "https://my.api.com", "https", true)]
    [InlineData("https://my.api.com/", "https://my.api.com/", "https", true)]
    // test_allowed_hosts_can_be_subdomain_wildcards
    [InlineData("http://*.example.com,http://*.example2.com:8383", "http://a.example.com/foo/bar", "http", true)]
    [InlineData("http://*.example.com,http://*.example2.com:8383", "http://a.b.example.com/foo/bar", "http", true)]
    [InlineData("http://*.example.com,http://*.example2.com:8383", "http://a.b.example2.com:8383/foo/bar", "http", true)]
    [InlineData("http://*.example.com,http://*.example2.com:8383", "http://a.b.example2.com/foo/bar", "http", false)]
    [InlineData("http://*.example.com,http://*.example2.com:8383", "http://example.com/foo/bar", "http", false)]
    [InlineData("http://*.example.com,http://*.example2.com:8383", "http://example.com:8383/foo/bar", "http", false)]
    [InlineData("http://*.example.com,http://*.example2.com:8383", "http://myexample.com/foo/bar", "http", false)]
    // test_hash_char_in_db_password
    [InlineData("mysql://xyz.com", "mysql://user:pass#word@xyz.com", "mysql", true)]
    [InlineData("mysql://xyz.com", "mysql://user%3Apass%23word@xyz.com", "mysql", true)]
    [InlineData("mysql://xyz.com", "user%3Apass%23word@xyz.com", "mysql", true)]
    // test_cidr
    [InlineData("*://127.0.0.1/24:63551", "tcp://127.0.0.1:63551", "tcp", true)]
    [InlineData("*://127.0.0.1/24:63551", "tcp://127.0.1.1:63551", "tcp", false)]
    // ranges are end-exclusive; * matches any port
    [InlineData("http://localhost:3000..3002", "http://localhost:3001", "http", true)]
    [InlineData("http://localhost:3000..3002", "http://localhost:3002", "http", false)]
    [InlineData("*://localhost:*", "postgres://localhost:1234", "postgres", true)]
    // self is only for relative requests; *.spin.internal for service chaining
    [InlineData("http://self", "http://self", "http", false)]
    [InlineData("http://*.spin.internal", "http://api.spin.internal/x", "http", true)]
    public void Allows_Url_AsSpinDoes(string entries, string url, string scheme, bool allowed)
    {
        var hosts = AllowedOutboundHosts.Parse(entries.Split(','));

        Assert.Equal(allowed, hosts.Allows(url, scheme));
    }

    [Fact]
    public void Parse_EmptyList_AllowsNothing()
    {
        var hosts = AllowedOutboundHosts.Parse([]);

        Assert.False(hosts.Allows("https://example.com", "https"));
        Assert.False(hosts.AllowsRelative("http"));
    }

    [Theory]
    [InlineData("http://self", true)]
    [InlineData("*://*:*", true)]
    [InlineData("https://example.com", false)]
    public void AllowsRelative_OnlyForSelfOrAnyHost(string entry, bool allowed)
        => Assert.Equal(allowed, AllowedOutboundHosts.Parse([entry]).AllowsRelative("http"));

    [Fact]
    public void Parse_InsecureAllowAll_IsRejected()
    {
        var e = Assert.Throws<OutboundHostsException>(() => AllowedOutboundHosts.Parse(["insecure:allow-all"]));
        Assert.Equal("'insecure:allow-all' is not allowed - use '*://*:*' instead if you really want to allow all outbound traffic'", e.Message);
        Assert.Throws<OutboundHostsException>(() => AllowedOutboundHosts.Parse(["http://spin.fermyon.dev", "insecure:allow-all"]));
    }

    [Fact]
    public void Parse_Template_ResolvesVariables()
    {
        var hosts = AllowedOutboundHosts.Parse(["https://{{ api_host }}", "{{ optional }}"], name => name == "api_host" ? "api.example.com" : "");

        Assert.Single(hosts.Hosts);
        Assert.True(hosts.Allows("https://api.example.com/v1", "https"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://")]
    [InlineData("https://")]
    public void Parse_TemplateResolvingToEmptyEndpoint_IsDropped(string value)
        => Assert.Empty(AllowedOutboundHosts.Parse(["{{ endpoint }}"], _ => value).Hosts);

    [Fact]
    public void Validate_ReportsEachInvalidEntryWithItsIndex()
    {
        var errors = AllowedOutboundHosts.Validate(["https://ok.example.com", "localhost", "https://{{ later }}", "http://a.*.b"]);

        Assert.Equal([1, 3], errors.Select(e => e.Index));
        Assert.StartsWith("\"localhost\" does not contain a scheme", errors[0].Message);
    }

    [Fact]
    public void ServiceChainingTargets_WildcardReachesEveryComponent()
    {
        var hosts = AllowedOutboundHosts.Parse(["http://*.spin.internal"]);

        Assert.Equal(["api", "worker"], hosts.ServiceChainingTargets(["api", "worker"]));
        Assert.True(AllowedHost.Parse("http://*.spin.internal").IsServiceChaining);
        Assert.True(AllowedHost.Parse("http://api.spin.internal").IsServiceChaining);
        Assert.False(AllowedHost.Parse("http://api.example.com").IsServiceChaining);
    }
}
