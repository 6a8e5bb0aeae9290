using System.Net;
using Spindle.Host.Server;

namespace Spindle.Host.Tests.Server;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:3000", "127.0.0.1:3000")]
    [InlineData("localhost:3000", "127.0.0.1:3000")]
    [InlineData("0.0.0.0:80", "0.0.0.0:80")]
    [InlineData("[::1]:8080", "[::1]:8080")]
    [InlineData("127.0.0.1:0", "127.0.0.1:0")]
    public void TryParse_AcceptsHostPort(string text, string expected)
    {
        Assert.True(ListenAddress.TryParse(text, out var endpoint, out _));
        Assert.Equal(IPEndPoint.Parse(expected), endpoint);
    }

    [Theory]
    [InlineData("3000")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("127.0.0.1:http")]
    public void TryParse_RejectsWithMessage(string text)
    {
        Assert.False(ListenAddress.TryParse(text, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, ulong.MaxValue)]
    [InlineData(30_000, 3000UL)]
    [InlineData(500, 50UL)]
    [InlineData(15, 2UL)]
    [InlineData(1, 1UL)]
    public void DeadlineFor_CountsTenMillisecondTicks(int? milliseconds, ulong ticks)
    {
        Assert.Equal(ticks, EpochTicker.DeadlineFor(milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null));
    }
}
