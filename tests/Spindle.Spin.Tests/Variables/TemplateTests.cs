using Spindle.Spin.Variables;

namespace Spindle.Spin.Tests.Variables;

public class TemplateTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("a", "L:a")]
    [InlineData("a-{{ expr }}-b", "L:a-|E:expr|L:-b")]
    [InlineData("{{ expr1 }}{{expr2}}", "E:expr1|E:expr2")]
    public void Parse_SplitsLiteralsAndExpressions(string text, string expected)
    {
        var parts = string.Join('|', Template.Parse(text).Parts.Select(p => (p.IsExpression ? "E:" : "L:") + p.Text));
        Assert.Equal(expected, parts);
    }

    [Fact]
    public void Parse_UnmatchedBraces_IsAnError()
    {
        var e = Assert.Throws<VariableException>(() => Template.Parse("{{ matched }} {{ unmatched"));
        Assert.Equal("invalid variable template: unmatched '{{' in template", e.Message);
    }

    [Fact]
    public void IsLiteral_OnlyWithoutExpressions()
    {
        Assert.True(Template.Parse("hello").IsLiteral);
        Assert.False(Template.Parse("hello {{ world }}").IsLiteral);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("abc")]
    [InlineData("a1b2c3")]
    [InlineData("a_1")]
    [InlineData("a_1_b_3")]
    public void ValidateVariableName_Good(string key) => Assert.Null(SpinId.ValidateVariableName(key));

    [Theory]
    [InlineData("")]
    [InlineData("aX")]
    [InlineData("1bc")]
    [InlineData("_x")]
    [InlineData("x.y")]
    [InlineData("x_")]
    [InlineData("a__b")]
    [InlineData("x-y")]
    public void ValidateVariableName_Bad(string key) => Assert.NotNull(SpinId.ValidateVariableName(key));
}
