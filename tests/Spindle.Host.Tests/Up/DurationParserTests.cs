using Spindle.Host.Up;

namespace Spindle.Host.Tests.Up;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1m", 60_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1m 30s", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("0", 0)]
    public void TryParse_AcceptsSpinDurations(string text, int milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("ms")]
    [InlineData("2 fortnights")]
    [InlineData("-1s")]
    public void TryParse_RejectsWithHint(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Contains("duration", error, StringComparison.Ordinal);
    }
}
