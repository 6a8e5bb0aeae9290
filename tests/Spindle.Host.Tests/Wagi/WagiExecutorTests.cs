using System.Net;
using Spindle.Host.Execution;
using Spindle.Host.Routing;
using Spindle.Host.Wagi;
using Spindle.Wasm;

namespace Spindle.Host.Tests.Wagi;

/// <summary>The Wagi executor run directly on the C fixture, for limits too costly to reach through HTTP.</summary>
public sealed class WagiExecutorTests
{
    private static WagiExecutor Create(long maxStdoutBytes)
    {
        var engine = new Engine(new EngineOptions { EpochInterruption = true });
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wagi", "fixture.wasm"));
        return new WagiExecutor("fixture", Module.FromBytes(engine, bytes, "fixture"), new WagiSettings { MaxStdoutBytes = maxStdoutBytes });
    }

    private static ComponentRequest Echo(byte[] body) => new()
    {
        Method = "POST",
        Path = "/fixture/echo",
        Body = body,
        ClientAddress = new IPEndPoint(IPAddress.Loopback, 1234),
        Match = Router.Build("/", [RouteEntry.Pattern("fixture", "/fixture/...")]).Route("/fixture/echo")!,
    };

    [Fact]
    public void Execute_StdoutBeyondLimit_FailsNamingTheComponent()
    {
        var executor = Create(maxStdoutBytes: 16 * 1024);

        var failure = Assert.Throws<ComponentExecutionException>(() => executor.Execute(Echo(new byte[64 * 1024]), CancellationToken.None));

        Assert.Contains("component fixture wrote more than 16384 bytes to stdout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_StdoutWithinLimit_Answers()
    {
        var executor = Create(maxStdoutBytes: 16 * 1024);

        var response = executor.Execute(Echo(new byte[1024]), CancellationToken.None);

        Assert.Equal(200, response.Status);
        Assert.Equal(1024, response.Body.Length);
    }
}
