using System.Net;
using Spindle.Host.Execution;
using Spindle.Host.Routing;
using Spindle.Host.Wagi;

namespace Spindle.Host.Tests.Wagi;

public sealed class WagiEnvironmentTests
{
    private static Dictionary<string, string> Build(string route, string path, string? query, byte[]? body = null, params (string, string)[] headers)
    {
        var match = Router.Build("/", [RouteEntry.Pattern("comp", route)]).Route(path)!;
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in headers)
        {
            list.Add(new(name, value));
        }

        return WagiEnvironment.Build(new ComponentRequest
        {
            Method = "POST",
            Path = path,
            Query = query,
            Headers = list,
            Body = body ?? [],
            ClientAddress = IPEndPoint.Parse("127.0.0.1:8777"),
            Match = match,
        });
    }

    [Theory]
    [InlineData("AUTH_TYPE", "")]
    [InlineData("CONTENT_LENGTH", "5")]
    [InlineData("CONTENT_TYPE", "")]
    [InlineData("HTTP_CONTENT_TYPE", "text/plain")]
    [InlineData("GATEWAY_INTERFACE", "CGI/1.1")]
    [InlineData("SERVER_SOFTWARE", "WAGI/1")]
    [InlineData("QUERY_STRING", "a=1&b=2")]
    [InlineData("REMOTE_ADDR", "127.0.0.1")]
    [InlineData("REMOTE_HOST", "127.0.0.1")]
    [InlineData("REMOTE_USER", "")]
    [InlineData("REQUEST_METHOD", "POST")]
    [InlineData("SCRIPT_NAME", "/api")]
    [InlineData("PATH_INFO", "/a%20b/")]
    [InlineData("X_RAW_PATH_INFO", "/a%20b/")]
    [InlineData("PATH_TRANSLATED", "/a b/")]
    [InlineData("SERVER_NAME", "127.0.0.1")]
    [InlineData("SERVER_PORT", "3000")]
    [InlineData("SERVER_PROTOCOL", "HTTP/1.1")]
    [InlineData("HTTP_HOST", "127.0.0.1:3000")]
    [InlineData("HTTP_X_CUSTOM_THING", "yes")]
    [InlineData("X_FULL_URL", "http://127.0.0.1:3000/api/a%20b/?a=1&b=2")]
    [InlineData("X_MATCHED_ROUTE", "/api/...")]
    [InlineData("X_COMPONENT_ROUTE", "/api")]
    [InlineData("X_RAW_COMPONENT_ROUTE", "/api/...")]
    [InlineData("X_BASE_PATH", "/")]
    [InlineData("X_CLIENT_ADDR", "127.0.0.1:8777")]
    public void Build_SetsCgiVariableAsSpin(string name, string expected)
    {
        var env = Build("/api/...", "/api/a%20b/", "a=1&b=2", "hello"u8.ToArray(),
            ("Host", "127.0.0.1:3000"), ("Content-Type", "text/plain"), ("X-Custom-Thing", "yes"), ("Authorization", "Bearer secret"));

        Assert.Equal(expected, env[name]);
    }

    [Fact]
    public void Build_SkipsAuthorizationAndConnection_AndMarksCorruptValues()
    {
        var env = Build("/x", "/x", null, null, ("Authorization", "Bearer secret"), ("Connection", "close"), ("X-Bin", "caf\u00e9"));

        Assert.False(env.ContainsKey("HTTP_AUTHORIZATION"));
        Assert.False(env.ContainsKey("HTTP_CONNECTION"));
        Assert.Equal("CORRUPT VALUE", env["HTTP_X_BIN"]);
        Assert.Equal("", env["QUERY_STRING"]);
        Assert.Equal("0", env["CONTENT_LENGTH"]);
        Assert.Equal("", env["PATH_INFO"]);
    }

    [Fact]
    public void Build_LiteralContentTypeHeader_FillsContentType()
    {
        Assert.Equal("application/json", Build("/x", "/x", null, null, ("CONTENT_TYPE", "application/json"))["CONTENT_TYPE"]);
    }

    [Fact]
    public void Build_NamedSegments_BecomeXPathMatch()
    {
        Assert.Equal("42", Build("/users/:id", "/users/42", null)["X_PATH_MATCH_ID"]);
    }

    [Theory]
    [InlineData(null, "default_host", "80")]
    [InlineData("example.com", "example.com", "80")]
    [InlineData("example.com:8080", "example.com", "8080")]
    [InlineData(":9000", "default_host", "9000")]
    public void ParseHost_AsSpin(string? header, string name, string port)
    {
        Assert.Equal((name, port), WagiEnvironment.ParseHost(header));
    }

    [Theory]
    [InlineData("${SCRIPT_NAME} ${ARGS}", "/hello", null, new[] { "/hello", "" })]
    [InlineData("${SCRIPT_NAME} ${ARGS}", "/hello", "a=1&b=2", new[] { "/hello", "a=1", "b=2" })]
    [InlineData("prog --path ${SCRIPT_NAME}", "/x", "q", new[] { "prog", "--path", "/x" })]
    public void Argv_ExpandsTemplateAsSpin(string template, string path, string? query, string[] expected)
    {
        Assert.Equal(expected, WagiArgv.Build(template, path, query));
    }
}
