using Microsoft.Extensions.Logging;
using Spindle.Host.Execution;
using Spindle.Host.Server;
using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;

namespace Spindle.Host.Tests.Server;

/// <summary>Serves Fixtures/wagi on real Kestrel (port 0) for the functional tests; captures the host's log.</summary>
public sealed class WagiAppFixture : IAsyncLifetime
{
    private SpinAppHost? _host;

    public HttpClient Client { get; } = new();

    public string BaseUrl => _host!.BaseUrl;

    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "spindle-host-tests-" + Guid.NewGuid().ToString("N"));

    internal CapturingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        var manifest = SpinManifest.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wagi", "spin.toml"));
        var app = ManifestLocker.Lock(manifest, new LockOptions { DirectMounts = true });
        _host = await SpinAppHost.StartAsync(
            app,
            new SpinHostOptions { ListenAddress = "127.0.0.1:0", RequestTimeout = TimeSpan.FromSeconds(1) },
            new SpinAppLoader.LoadOptions { Stdio = new ComponentStdio(LogDirectory) },
            LoggerFactory.Create(b => b.AddProvider(Logs)),
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (Directory.Exists(LogDirectory))
        {
            Directory.Delete(LogDirectory, recursive: true);
        }
    }
}
