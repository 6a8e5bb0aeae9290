using Spindle.Operator.Reconciliation;

namespace Spindle.Operator.Tests.Reconciliation;

public class QuantityTests
{
    [Theory]
    [InlineData("40M", 40_000_000)]
    [InlineData("128Mi", 134_217_728)]
    [InlineData("1Ki", 1024)]
    [InlineData("1.5Gi", 1_610_612_736)]
    [InlineData("500m", 1)]
    [InlineData("2k", 2000)]
    [InlineData("1E", 1_000_000_000_000_000_000)]
    [InlineData("5e2", 500)]
    [InlineData("12", 12)]
    [InlineData(".5Ki", 512)]
    public void TryParse_Valid_CeilingValueMatchesKubernetes(string text, long expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal(expected, Quantity.CeilingValue(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mi")]
    [InlineData("12MB")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("1e")]
    public void TryParse_Invalid_IsRejected(string text)
    {
        Assert.False(Quantity.TryParse(text, out _));
    }
}
