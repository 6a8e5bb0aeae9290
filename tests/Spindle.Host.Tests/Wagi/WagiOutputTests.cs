using System.Text;
using Spindle.Host.Execution;
using Spindle.Host.Wagi;

namespace Spindle.Host.Tests.Wagi;

public sealed class WagiOutputTests
{
    private static ComponentResponse Parse(string stdout) => WagiOutput.Parse(Encoding.UTF8.GetBytes(stdout), "hello");

    [Theory]
    [InlineData("Content-Type: text/plain\n\nHello", 200, "Hello")]
    [InlineData("Content-Type: text/plain\r\n\r\nHello\r\n", 200, "Hello\r\n")]
    [InlineData("content-type: text/plain\n\n", 200, "")]
    [InlineData("Status: 404 Not Found\n\nnope", 404, "nope")]
    [InlineData("Status: 201\nContent-Type: text/plain\n\n", 201, "")]
    [InlineData("Status: abc\nContent-Type: text/plain\n\n", 502, "")]
    [InlineData("Status: 42\n\n", 502, "")]
    [InlineData("Status: 1000\n\n", 502, "")]
    [InlineData("Location: /elsewhere\n\n", 302, "")]
    [InlineData("Location: /elsewhere\nStatus: 301 Moved Permanently\n\n", 301, "")]
    [InlineData("Status: 307\nLocation: /elsewhere\n\n", 307, "")]
    [InlineData("X-Only: header\n\nbody", 500, WagiOutput.InsufficientResponseMessage)]
    [InlineData("no blank line at all", 500, WagiOutput.InsufficientResponseMessage)]
    [InlineData("Content-Type: text/plain\n\nline1\n\nline2", 200, "line1\n\nline2")]
    public void Parse_StatusAndBodyAsSpin(string stdout, int status, string body)
    {
        var response = Parse(stdout);

        Assert.Equal(status, response.Status);
        Assert.Equal(body, Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public void Parse_CopiesHeaders_AndSkipsCorruptLinesAndInvalidNames()
    {
        var response = Parse("Content-Type: text/html; charset=utf-8\nX-Custom:  padded  \ncorrupt line\nBad Name: x\nLocation: /a\n\n");

        Assert.Equal("text/html; charset=utf-8", response.TryGetHeader("Content-Type"));
        Assert.Equal("padded", response.TryGetHeader("x-custom"));
        Assert.Equal("/a", response.TryGetHeader("Location"));
        Assert.Null(response.TryGetHeader("Bad Name"));
        Assert.Equal(3, response.Headers.Count);
    }

    [Fact]
    public void Parse_RepeatedHeader_KeepsLastValue()
    {
        var response = Parse("Content-Type: text/plain\nX-A: 1\nX-A: 2\n\n");

        Assert.Equal("2", response.TryGetHeader("x-a"));
    }

    [Fact]
    public void Parse_EmptyStdout_IsAnErrorNamingTheComponent()
    {
        var error = Assert.Throws<ComponentExecutionException>(() => WagiOutput.Parse([], "hello"));

        Assert.Contains("\"hello\" component is configured to use the WAGI executor but did not write to stdout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8Headers_IsAnError()
    {
        byte[] stdout = [0xFF, (byte)':', (byte)'x', 10, 10];

        Assert.Throws<ComponentExecutionException>(() => WagiOutput.Parse(stdout, "hello"));
    }

    [Theory]
    [InlineData("200", true, 200)]
    [InlineData("999", true, 999)]
    [InlineData("099", false, 0)]
    [InlineData("20", false, 0)]
    [InlineData("2000", false, 0)]
    [InlineData("+20", false, 0)]
    public void TryParseStatus_AcceptsThreeDigits(string text, bool ok, int code)
    {
        Assert.Equal(ok, WagiOutput.TryParseStatus(text, out var parsed));
        Assert.Equal(code, parsed);
    }
}
