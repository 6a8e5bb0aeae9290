namespace Spindle.Toml.Tests;

/// <summary>Every error names what was expected at a line:column, and the fix where there is one.</summary>
public sealed class TomlErrorTests
{
    [Theory]
    [InlineData("name \"x\"", 1, 6, "expected '=' after key 'name'")]
    [InlineData("a.b \"x\"", 1, 5, "expected '=' after key 'a.b'")]
    [InlineData("a = ", 1, 5, "expected a value after '=' for key 'a'")]
    [InlineData("a = hello", 1, 5, "strings must be quoted")]
    [InlineData("a = True", 1, 5, "strings must be quoted")]
    [InlineData("a = 1 2", 1, 7, "expected a newline or end of file after the value")]
    [InlineData("[a]\nx = 1\n[a]", 3, 1, "table [a] is defined twice (first at 1:1)")]
    [InlineData("[a]\nb.c = 1\n[a.b]", 3, 1, "already defined by dotted keys at 2:1")]
    [InlineData("a = { b = 1 }\na.c = 2", 2, 1, "inline tables are complete once written")]
    [InlineData("a = { b = 1, }", 1, 12, "trailing comma is not allowed in an inline table")]
    [InlineData("a = { b = 1,\n c = 2 }", 1, 13, "must be on one line")]
    [InlineData("a = [1 2]", 1, 8, "expected ',' or ']' after an array element")]
    [InlineData("a = [1,,2]", 1, 8, "remove the extra comma")]
    [InlineData("a = [1", 1, 7, "expected ',' or ']'")]
    [InlineData("a = [\n1,\n", 3, 1, "unterminated array starting at 1:5")]
    [InlineData("a = [ ]\n[[a]]", 2, 1, "arrays written inline cannot be extended")]
    [InlineData("[[a]]\n[a]", 2, 1, "use [[a]] to add an element")]
    [InlineData("a = \"x", 1, 7, "unterminated string starting at 1:5")]
    [InlineData("a = \"x\ny\"", 1, 7, "use \"\"\" for a multi-line string")]
    [InlineData("a = \"\\q\"", 1, 6, "backslash followed by 'q'")]
    [InlineData("a = \"\\uD800\"", 1, 6, "not a Unicode scalar value")]
    [InlineData("a = \"\"\"\nx\n", 3, 1, "unterminated multi-line string starting at 1:5")]
    [InlineData("a = 012", 1, 5, "leading zeros are not allowed")]
    [InlineData("a = 1__0", 1, 6, "'_' in a number must sit between two digits")]
    [InlineData("a = -0x1", 1, 5, "cannot have a sign")]
    [InlineData("a = 1.", 1, 7, "expected a digit after the decimal point")]
    [InlineData("a = 1e400", 1, 5, "out of range")]
    [InlineData("a = 2021-02-29", 1, 5, "day 29 does not exist in 2021-02")]
    [InlineData("a = 2021-01-01T10:00", 1, 21, "TOML 1.0 requires seconds")]
    [InlineData("a = 25:00:00", 1, 5, "hours are 00-23")]
    [InlineData("a = 1 # bell\u0007", 1, 13, "control character U+0007 is not allowed in a comment")]
    [InlineData("a = 1\rb = 2", 1, 6, "must be followed by a line feed")]
    [InlineData("[a.]", 1, 4, "expected a key after 'a.'")]
    [InlineData("[a", 1, 3, "expected ']' to close header [a")]
    [InlineData("[[a]", 1, 5, "expected ']]' to close array-of-tables header [[a]]")]
    [InlineData("a b = 1", 1, 3, "expected '=' after key 'a'")]
    [InlineData("\"\"\"k\"\"\" = 1", 1, 1, "a multi-line string cannot be used as a key")]
    public void Parse_InvalidInput_ReportsPositionAndReason(string toml, int line, int column, string reason)
    {
        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse(toml, "app.toml"));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(new TomlPosition(line, column), error.Position);
        Assert.Equal($"app.toml:{line}:{column}: {error.Reason}", error.Message);
    }
}
