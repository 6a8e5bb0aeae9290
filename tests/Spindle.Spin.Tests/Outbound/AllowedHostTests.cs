using Spindle.Spin.Outbound;

namespace Spindle.Spin.Tests.Outbound;

public class AllowedHostTests
{
    // Cases from Spin's allowed_hosts.rs tests: (entry, scheme or null for *, kind, host, any port, port start, port end).
    [Theory]
    [InlineData("http://spin.fermyon.dev", "http", AllowedHostKind.Literal, "spin.fermyon.dev", false, 80, 81)]
    [InlineData("http://spin.fermyon.dev/", "http", AllowedHostKind.Literal, "spin.fermyon.dev", false, 80, 81)]
    [InlineData("https://spin.fermyon.dev", "https", AllowedHostKind.Literal, "spin.fermyon.dev", false, 443, 444)]
    [InlineData("http://spin.fermyon.dev:4444", "http", AllowedHostKind.Literal, "spin.fermyon.dev", false, 4444, 4445)]
    [InlineData("http://spin.fermyon.dev:4444/", "http", AllowedHostKind.Literal, "spin.fermyon.dev", false, 4444, 4445)]
    [InlineData("http://spin.fermyon.dev:4444..5555", "http", AllowedHostKind.Literal, "spin.fermyon.dev", false, 4444, 5555)]
    [InlineData("*://spin.fermyon.dev:7777", null, AllowedHostKind.Literal, "spin.fermyon.dev", false, 7777, 7778)]
    [InlineData("http://self", "http", AllowedHostKind.Self, "self", false, 80, 81)]
    [InlineData("http://localhost:3001", "http", AllowedHostKind.Literal, "localhost", false, 3001, 3002)]
    [InlineData("http://*.example.com", "http", AllowedHostKind.AnySubdomain, ".example.com", false, 80, 81)]
    [InlineData("http://192.168.1.1:3002", "http", AllowedHostKind.Literal, "192.168.1.1", false, 3002, 3003)]
    [InlineData("http://[::1]:8001", "http", AllowedHostKind.Literal, "[::1]", false, 8001, 8002)]
    [InlineData("*://127.0.0.0/24:80", null, AllowedHostKind.Cidr, "127.0.0.0/24", false, 80, 81)]
    [InlineData("*://ff00::/8:80", null, AllowedHostKind.Cidr, "ff00::/8", false, 80, 81)]
    [InlineData("*://*:*", null, AllowedHostKind.Any, "*", true, 0, 0)]
    [InlineData("redis://localhost", "redis", AllowedHostKind.Literal, "localhost", false, 6379, 6380)]
    [InlineData("postgres://db", "postgres", AllowedHostKind.Literal, "db", false, 5432, 5433)]
    [InlineData("mysql://db", "mysql", AllowedHostKind.Literal, "db", false, 3306, 3307)]
    [InlineData("mqtt://broker", "mqtt", AllowedHostKind.Literal, "broker", false, 1883, 1884)]
    public void Parse_ValidEntry_MatchesSpin(string entry, string? scheme, AllowedHostKind kind, string host, bool anyPort, int start, int end)
    {
        var parsed = AllowedHost.Parse(entry);

        Assert.Equal(scheme, parsed.Scheme);
        Assert.Equal(kind, parsed.HostKind);
        Assert.Equal(host, parsed.Host);
        Assert.Equal(anyPort, parsed.AnyPort);
        if (!anyPort)
        {
            Assert.Equal(start, parsed.PortStart);
            Assert.Equal(end, parsed.PortEnd);
        }
    }

    [Theory]
    [InlineData("localhost", "\"localhost\" does not contain a scheme (e.g., 'http://' or '*://')\nLearn more: https://spinframework.dev/v3/http-outbound#granting-http-permissions-to-components")]
    [InlineData("spin.fermyon.dev:80", "\"spin.fermyon.dev:80\" does not contain a scheme (e.g., 'http://' or '*://')\nLearn more: https://spinframework.dev/v3/http-outbound#granting-http-permissions-to-components")]
    [InlineData("*", "\"*\" is not an allowed outbound host format.\nHosts must be in the form <scheme>://<host>[:<port>], with '*' wildcards allowed for each.\nIf you intended to allow all outbound networking, you can use '*://*:*' - this will obviate all network sandboxing.\nLearn more: https://spinframework.dev/v3/http-outbound#granting-http-permissions-to-components")]
    [InlineData("http://[::1]", "port \"1]\" is not a number")]
    [InlineData("*://127.0.0.0/24", "no port was provided and the scheme \"*\" does not have a known default port number")]
    [InlineData("tcp://example.com", "no port was provided and the scheme \"tcp\" does not have a known default port number")]
    [InlineData("http://spin.fermyon.dev/a", "hosts must not contain paths")]
    [InlineData("http://spin.fermyon.dev:6666/a/b", "\"http://spin.fermyon.dev:6666/a/b\" has a path but is not allowed to")]
    [InlineData("http://*.fermyon.dev/a", "hosts must not contain paths")]
    [InlineData("http://a.*.com", "Invalid allowed host a.*.com: wildcards are allowed only as subdomains")]
    [InlineData("http://*.a.*.com", "Invalid allowed host *.a.*.com: wildcards are allowed only as prefixes")]
    [InlineData("{http,https}://example.com", "scheme lists are not yet supported")]
    [InlineData("h2c://example.com:80", "scheme \"h2c\" contains non alphabetic character")]
    [InlineData("http://{a,b}", "host lists are not yet supported")]
    [InlineData("http://example.com:{80,81}", "port lists are not yet supported")]
    [InlineData("http://example.com:80..x", "port range \"80..x\" contains non-number")]
    public void Parse_InvalidEntry_ReportsSpinMessage(string entry, string message)
    {
        var e = Assert.Throws<OutboundHostsException>(() => AllowedHost.Parse(entry));
        Assert.Equal(message, e.Message);
    }
}
