using Microsoft.Extensions.Logging;
using Spindle.Host.Server;
using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;

namespace Spindle.Host.Tests.Server;

/// <summary>A client that goes away stops its guest, on real Kestrel with a timeout far beyond the test.</summary>
public sealed class WagiClientAbortTests
{
    [Theory]
    [InlineData("/fixture/loop")]
    [InlineData("/fixture/sleep")]
    public async Task ClientDisconnect_InterruptsGuest_AndIsLoggedAsClientAbort(string path)
    {
        var logs = new CapturingLoggerProvider();
        var manifest = SpinManifest.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wagi", "spin.toml"));
        var app = ManifestLocker.Lock(manifest, new LockOptions { DirectMounts = true });
        await using var host = await SpinAppHost.StartAsync(
            app,
            new SpinHostOptions { ListenAddress = "127.0.0.1:0", RequestTimeout = TimeSpan.FromMinutes(2) },
            new SpinAppLoader.LoadOptions(),
            LoggerFactory.Create(b => b.AddProvider(logs)),
            CancellationToken.None);

        using (var client = new HttpClient())
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(host.BaseUrl + path, cancel.Token));
        }

        // Without the interruption the guest would run for the 2-minute timeout; wait far less than that.
        for (var attempt = 0; attempt < 300 && !logs.Lines.Any(IsClientAbort); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(logs.Lines, IsClientAbort);
        Assert.DoesNotContain(logs.Lines, line => line.Contains("timed out", StringComparison.Ordinal));
    }

    private static bool IsClientAbort(string line) => line.Contains("component fixture was interrupted because the client disconnected", StringComparison.Ordinal);
}
