using Spindle.Spin.Outbound;

namespace Spindle.Spin.Tests.Outbound;

public class AllowedHttpHostsConverterTests
{
    [Theory]
    [InlineData("spin.fermyon.dev", "http://spin.fermyon.dev,https://spin.fermyon.dev")]
    [InlineData("spin.fermyon.dev:7777", "http://spin.fermyon.dev:7777,https://spin.fermyon.dev:7777")]
    [InlineData("https://spin.fermyon.dev:5555", "http://spin.fermyon.dev:5555,https://spin.fermyon.dev:5555")]
    [InlineData("http://spin.fermyon.dev/", "http://spin.fermyon.dev,https://spin.fermyon.dev")]
    [InlineData("self", "http://self")]
    [InlineData("insecure:allow-all", "http://*:*,https://*:*,http://self")]
    public void Convert_LegacyHost_AsSpinCompat(string legacy, string expected)
        => Assert.Equal(expected.Split(','), AllowedHttpHostsConverter.ToAllowedOutboundHosts([legacy], allowDatabaseAccess: false));

    [Fact]
    public void Convert_WithDatabaseAccess_PrependsLegacyDefaults()
        => Assert.Equal(["redis://*:*", "mysql://*:*", "postgres://*:*"], AllowedHttpHostsConverter.ToAllowedOutboundHosts([], allowDatabaseAccess: true));

    [Theory]
    [InlineData("http://spin.fermyon.dev/a", "http://spin.fermyon.dev/a contains a path, should be host and optional port only")]
    [InlineData("ftp://spin.fermyon.dev", "ftp://spin.fermyon.dev isn't a valid host or host:port string")]
    public void Convert_InvalidHost_ReportsAllErrors(string legacy, string message)
    {
        var e = Assert.Throws<OutboundHostsException>(() => AllowedHttpHostsConverter.ToAllowedOutboundHosts([legacy], false));
        Assert.Equal($"One or more allowed_http_hosts entries was invalid:\n{message}", e.Message);
    }
}
