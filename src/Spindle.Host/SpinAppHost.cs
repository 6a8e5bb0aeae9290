using Microsoft.Extensions.Logging;
using Spindle.Host.Server;
using Spindle.Spin.Locked;
using Spindle.Wasm;

namespace Spindle.Host;

/// <summary>
/// A running app: one engine with epoch interruption (ticked every 10 ms for the request timeout), the components
/// compiled once, and the Kestrel server. Dispose to stop.
/// </summary>
internal sealed class SpinAppHost : IAsyncDisposable
{
    private readonly EpochTicker _ticker;
    private readonly SpinHttpServer _server;

    private SpinAppHost(SpinApplication application, EpochTicker ticker, SpinHttpServer server)
    {
        Application = application;
        _ticker = ticker;
        _server = server;
    }

    public SpinApplication Application { get; }

    public string BaseUrl => _server.BaseUrl;

    /// <summary>Loads <paramref name="app"/> (throws <see cref="SpinHostException"/> listing every problem) and starts serving it.</summary>
    public static async Task<SpinAppHost> StartAsync(LockedApp app, SpinHostOptions options, SpinAppLoader.LoadOptions load, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var engine = new Engine(new EngineOptions { EpochInterruption = true });
        var application = SpinAppLoader.Load(app, engine, load with { RequestTimeout = options.RequestTimeout, TimeProvider = options.TimeProvider });
        var ticker = new EpochTicker(engine, options.TimeProvider);
        var server = new SpinHttpServer(application, options, loggerFactory);
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch
        {
            ticker.Dispose();
            await server.DisposeAsync();
            throw;
        }

        return new SpinAppHost(application, ticker, server);
    }

    /// <summary>Stops accepting requests and lets in-flight ones finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _server.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _ticker.Dispose();
    }
}
