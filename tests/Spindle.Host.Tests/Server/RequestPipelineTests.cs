using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spindle.Host.Execution;
using Spindle.Host.Routing;
using Spindle.Host.Server;
using Spindle.Wasm;

namespace Spindle.Host.Tests.Server;

/// <summary>The request pipeline on real Kestrel with fake executors: forbidden headers, raw paths, failures, static responses, queueing.</summary>
public sealed class RequestPipelineTests
{
    private static async Task<SpinHttpServer> StartAsync(Dictionary<string, IComponentExecutor> executors, SpinHostOptions? options = null, params RouteEntry[] routes)
    {
        var app = new SpinApplication
        {
            Name = "test",
            Router = Router.Build("/", routes),
            Executors = executors,
            StaticResponses = new Dictionary<string, StaticResponseSpec>
            {
                ["teapot"] = new(418, [new("x-static", "1")], "short and stout"u8.ToArray()),
            },
        };
        var server = new SpinHttpServer(app, (options ?? new SpinHostOptions()) with { ListenAddress = "127.0.0.1:0" }, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    private static ComponentResponse Ok(string body) => new(200, [new("Content-Type", "text/plain")], Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task Request_StripsForbiddenHeaders_AndKeepsRawPath()
    {
        var fake = new FakeExecutor(_ => Ok("ok"));
        await using var server = await StartAsync(new() { ["c"] = fake }, null, RouteEntry.Pattern("c", "/..."));

        // A raw socket, so the Host header can name a service-chaining host.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BoundEndpoint!);
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET /a%20b/c?x=1 HTTP/1.1\r\nHost: other.spin.internal\r\nX-Keep: yes\r\nConnection: close\r\n\r\n"u8.ToArray());
        using var reader = new StreamReader(stream);
        Assert.StartsWith("HTTP/1.1 200", await reader.ReadLineAsync(), StringComparison.Ordinal);

        var request = Assert.Single(fake.Requests);
        Assert.Equal("/a%20b/c", request.Path);
        Assert.Equal("x=1", request.Query);
        Assert.Equal("/a%20b/c", request.Match.TrailingWildcard);
        Assert.Null(request.TryGetHeader("Host"));
        Assert.Null(request.TryGetHeader("Connection"));
        Assert.Equal("yes", request.TryGetHeader("X-Keep"));
    }

    [Theory]
    [InlineData("trap")]
    [InlineData("timeout")]
    [InlineData("failure")]
    [InlineData("bug")]
    public async Task ExecutorFailure_Is500WithEmptyBody_AndServingContinues(string kind)
    {
        var fake = new FakeExecutor(request => request.Path == "/ok" ? Ok("fine") : throw kind switch
        {
            "trap" => new TrapException(TrapKind.Unreachable, "unreachable", ["func 3"]),
            "timeout" => new TrapException(TrapKind.Interrupted, "interrupted"),
            "failure" => new ComponentExecutionException("no output"),
            _ => new InvalidOperationException("host bug"),
        });
        await using var server = await StartAsync(new() { ["c"] = fake }, null, RouteEntry.Pattern("c", "/..."));
        using var client = new HttpClient();

        using var failed = await client.GetAsync(server.BaseUrl + "/fail");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(await failed.Content.ReadAsByteArrayAsync());
        Assert.Equal("fine", await client.GetStringAsync(server.BaseUrl + "/ok"));
    }

    [Fact]
    public async Task StaticResponse_IsAnsweredByTheHost()
    {
        await using var server = await StartAsync([], null, new RouteEntry(TriggerLookupKey.Trigger("teapot"), "/tea"));
        using var client = new HttpClient();

        using var response = await client.GetAsync(server.BaseUrl + "/tea");

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("x-static").Single());
        Assert.Equal("short and stout", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Requests_BeyondConcurrencyAndQueue_Get503()
    {
        using var gate = new ManualResetEventSlim();
        using var entered = new SemaphoreSlim(0);
        var fake = new FakeExecutor(_ =>
        {
            entered.Release();
            gate.Wait(TimeSpan.FromSeconds(30));
            return Ok("done");
        });
        await using var server = await StartAsync(new() { ["c"] = fake }, new SpinHostOptions { MaxConcurrentRequests = 1, MaxQueuedRequests = 0 }, RouteEntry.Pattern("c", "/..."));
        using var client = new HttpClient();

        var first = client.GetAsync(server.BaseUrl + "/slow");
        Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(30)));
        using var rejected = await client.GetAsync(server.BaseUrl + "/more");
        gate.Set();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        using var completed = await first;
        Assert.Equal("done", await completed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_WaitingForItsBody_HoldsTheSlot_SoTheQueueLimitAppliesFirst()
    {
        var fake = new FakeExecutor(_ => Ok("done"));
        await using var server = await StartAsync(new() { ["c"] = fake }, new SpinHostOptions { MaxConcurrentRequests = 1, MaxQueuedRequests = 0 }, RouteEntry.Pattern("c", "/..."));
        using var client = new HttpClient();

        // A body announced but never sent: the request must take its slot before reading it, not after.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BoundEndpoint!);
        await tcp.GetStream().WriteAsync("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n"u8.ToArray());

        // Poll until the server has seen the upload's headers; without the fix every request is answered 200.
        var status = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 200 && status != HttpStatusCode.ServiceUnavailable; attempt++)
        {
            await Task.Delay(50);
            using var response = await client.GetAsync(server.BaseUrl + "/other");
            status = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Head_SendsNoBody()
    {
        await using var server = await StartAsync(new() { ["c"] = new FakeExecutor(_ => Ok("body")) }, null, RouteEntry.Pattern("c", "/..."));
        using var client = new HttpClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, server.BaseUrl + "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0L, 0)]
    [InlineData(-1L, 0)]
    [InlineData(1234L, 1234)]
    [InlineData(2_000_000_000L, 1 << 20)]
    [InlineData(long.MaxValue, 1 << 20)]
    public void BodyBuffer_TrustsContentLengthOnlyUpToOneMebibyte(long? contentLength, int expected)
    {
        Assert.Equal(expected, RequestPipeline.InitialBodyCapacity(contentLength));
    }

    [Fact]
    public async Task HostFailureWritingTheResponse_Is500_AndIsLogged()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var app = new SpinApplication
        {
            Name = "test",
            Router = Router.Build("/", [RouteEntry.Pattern("c", "/...")]),
            Executors = new Dictionary<string, IComponentExecutor> { ["c"] = new FakeExecutor(_ => new(200, [new("bad\u0001name", "x")], [])) },
            StaticResponses = new Dictionary<string, StaticResponseSpec>(),
        };
        await using var server = new SpinHttpServer(app, new SpinHostOptions { ListenAddress = "127.0.0.1:0" }, factory);
        await server.StartAsync(CancellationToken.None);
        using var client = new HttpClient();

        using var response = await client.GetAsync(server.BaseUrl + "/x");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(logs.Lines, line => line.StartsWith("Error: Error processing request GET /x", StringComparison.Ordinal));
    }
}
