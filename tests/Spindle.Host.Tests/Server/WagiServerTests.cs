using System.Net;
using System.Text;

namespace Spindle.Host.Tests.Server;

/// <summary>Real Kestrel on port 0, a real HttpClient, the real Wagi fixture compiled from C: Spin's behaviour end to end.</summary>
public sealed class WagiServerTests : IClassFixture<WagiAppFixture>
{
    private readonly WagiAppFixture _app;

    public WagiServerTests(WagiAppFixture app) => _app = app;

    private Task<HttpResponseMessage> GetAsync(string path) => _app.Client.GetAsync(_app.BaseUrl + path);

    private async Task<Dictionary<string, string>> EnvAsync(string pathAndQuery, HttpRequestMessage? request = null)
    {
        request ??= new HttpRequestMessage(HttpMethod.Get, _app.BaseUrl + pathAndQuery);
        using var response = await _app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var env = new Dictionary<string, string>();
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            env.TryAdd(line[..equals], line[(equals + 1)..]);
        }

        return env;
    }

    [Fact]
    public async Task Get_WagiComponent_AnswersWithItsOutput()
    {
        using var response = await GetAsync("/fixture/hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("fixture /hello\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_SetsCgiEnvironmentAndArgv()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _app.BaseUrl + "/fixture/env?a=1&b=2");
        request.Headers.Add("X-Custom", "value");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "secret");
        var env = await EnvAsync("", request);
        var port = new Uri(_app.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("CGI/1.1", env["GATEWAY_INTERFACE"]);
        Assert.Equal("WAGI/1", env["SERVER_SOFTWARE"]);
        Assert.Equal("GET", env["REQUEST_METHOD"]);
        Assert.Equal("a=1&b=2", env["QUERY_STRING"]);
        Assert.Equal("/fixture", env["SCRIPT_NAME"]);
        Assert.Equal("/env", env["PATH_INFO"]);
        Assert.Equal("/fixture/...", env["X_MATCHED_ROUTE"]);
        Assert.Equal("/fixture", env["X_COMPONENT_ROUTE"]);
        Assert.Equal("/fixture/...", env["X_RAW_COMPONENT_ROUTE"]);
        Assert.Equal("/", env["X_BASE_PATH"]);
        Assert.Equal($"http://127.0.0.1:{port}/fixture/env?a=1&b=2", env["X_FULL_URL"]);
        Assert.Equal("127.0.0.1", env["SERVER_NAME"]);
        Assert.Equal(port, env["SERVER_PORT"]);
        Assert.Equal("127.0.0.1", env["REMOTE_ADDR"]);
        Assert.StartsWith("127.0.0.1:", env["X_CLIENT_ADDR"], StringComparison.Ordinal);
        Assert.Equal("value", env["HTTP_X_CUSTOM"]);
        Assert.Equal($"127.0.0.1:{port}", env["HTTP_HOST"]);
        Assert.False(env.ContainsKey("HTTP_AUTHORIZATION"));
        Assert.Equal("hi", env["GREETING"]);
        Assert.Equal("/fixture/env", env["argv[0]"]);
        Assert.Equal("a=1", env["argv[1]"]);
        Assert.Equal("b=2", env["argv[2]"]);
    }

    [Fact]
    public async Task Get_NamedSegment_BecomesXPathMatch()
    {
        // /users/:id is an exact route: PATH_INFO is empty, so the fixture prints its default answer.
        using var response = await GetAsync("/users/42");

        Assert.Equal("fixture \n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_BodyArrivesOnStdin()
    {
        var body = new byte[10_000];
        new Random(7).NextBytes(body);
        using var response = await _app.Client.PostAsync(_app.BaseUrl + "/fixture/echo", new ByteArrayContent(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("yes", response.Headers.GetValues("X-Echo").Single());
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/fixture/status", 418)]
    [InlineData("/fixture/badstatus", 502)]
    [InlineData("/fixture/nocontenttype", 500)]
    [InlineData("/fixture/silent", 500)]
    [InlineData("/fixture/exit", 500)]
    [InlineData("/nothing/here", 404)]
    [InlineData("/.well-known/spin/other", 404)]
    public async Task Get_AnswersStatusAsSpin(string path, int status)
    {
        using var response = await GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Get_NoRoute_Is404WithEmptyBody()
    {
        using var response = await GetAsync("/nothing/here");

        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_Location_Is302()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(_app.BaseUrl + "/fixture/redirect");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/fixture/env", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_Trap_Is500_LoggedWithWasmStack_AndServingContinues()
    {
        using var response = await GetAsync("/fixture/trap");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(_app.Logs.Lines, line => line.Contains("component fixture: wasm trap: unreachable", StringComparison.Ordinal) && line.Contains("    at ", StringComparison.Ordinal));
        Assert.Contains("about to trap", File.ReadAllText(Path.Combine(_app.LogDirectory, "fixture_stderr.txt")), StringComparison.Ordinal);
        using var after = await GetAsync("/fixture/hello");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Get_RunsPastTimeout_Is500_AndServingContinues()
    {
        using var response = await GetAsync("/fixture/loop");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(_app.Logs.Lines, line => line.Contains("component fixture: the request timed out", StringComparison.Ordinal));
        using var after = await GetAsync("/fixture/hello");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Get_SleepsPastTimeout_Is500_BecauseTheHostWaitIsInterruptedToo()
    {
        // The guest sleeps 5 s in poll_oneoff (a host call, where epoch checks cannot reach); the 1 s timeout must
        // still answer 500 instead of the 200 the guest would send after waking.
        using var response = await GetAsync("/fixture/sleep");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(_app.Logs.Lines, line => line.Contains("component fixture: the request timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Files_AreMountedReadOnly()
    {
        using var response = await GetAsync("/fixture/file");

        Assert.Equal("hello from a file|write:denied", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Health_AnswersOk()
    {
        using var response = await GetAsync("/.well-known/spin/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Info_AnswersAppJson()
    {
        using var response = await GetAsync("/.well-known/spin/info");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"name\":\"wagi-fixture\",\"version\":\"1.2.3\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_ManyConcurrentRequests_AllAnswered()
    {
        var tasks = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 40; i++)
        {
            tasks.Add(GetAsync("/fixture/n" + i));
        }

        foreach (var (task, i) in tasks.Select((t, i) => (t, i)))
        {
            using var response = await task;
            Assert.Equal($"fixture /n{i}\n", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        }
    }
}
