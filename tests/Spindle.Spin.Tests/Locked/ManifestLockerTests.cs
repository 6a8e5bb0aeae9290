using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;
using Spindle.Spin.Outbound;
using Spindle.Spin.Variables;

namespace Spindle.Spin.Tests.Locked;

public sealed class ManifestLockerTests : IDisposable
{
    private readonly string _filesRoot = Path.Combine(Path.GetTempPath(), $"spindle-lock-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_filesRoot)) Directory.Delete(_filesRoot, recursive: true);
    }

    [Fact]
    public void Lock_ShopFixture_MatchesGoldenFile()
    {
        var manifest = SpinManifest.Load(TestPaths.Fixture("shop", "spin.toml"));

        var json = ManifestLocker.Lock(manifest, new LockOptions { FilesMountRoot = _filesRoot }).ToJsonString();

        var appDir = new Uri(TestPaths.Fixture("shop")).AbsoluteUri;
        var normalized = json.Replace(new Uri(_filesRoot).AbsoluteUri, "file://<files-dir>", StringComparison.Ordinal)
            .Replace(appDir, "file://<app-dir>", StringComparison.Ordinal);
        var goldenPath = TestPaths.Fixture("shop", "spin.lock.golden.json");
        if (Environment.GetEnvironmentVariable("SPINDLE_UPDATE_GOLDEN") == "1") File.WriteAllText(goldenPath, normalized);
        Assert.Equal(File.ReadAllText(goldenPath), normalized);
    }

    [Fact]
    public void Lock_ShopFixture_CopiesFilesMinusExcluded()
    {
        var manifest = SpinManifest.Load(TestPaths.Fixture("shop", "spin.toml"));

        ManifestLocker.Lock(manifest, new LockOptions { FilesMountRoot = _filesRoot });

        var api = Directory.EnumerateFiles(Path.Combine(_filesRoot, "api"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(_filesRoot, "api"), f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(["data/items.json", "static/css/site.css", "static/index.html"], api);
        Assert.True(File.Exists(Path.Combine(_filesRoot, "http-trigger2-component", "logo.txt")));
    }

    [Fact]
    public void Lock_ThenReadBack_RoundTrips()
    {
        var manifest = SpinManifest.Load(TestPaths.Fixture("shop", "spin.toml"));
        var locked = ManifestLocker.Lock(manifest, new LockOptions { FilesMountRoot = _filesRoot });

        var reread = LockedApp.FromJson(locked.ToJson());

        Assert.Equal(locked.ToJsonString(), reread.ToJsonString());
        Assert.Equal("shop", reread.Name);
        Assert.Equal(1, reread.SpinLockVersion);
        Assert.Equal("{{ api_token }}", reread.FindComponent("api")!.Config["token"]);
        Assert.True(reread.Variables["api_token"].IsRequired);
    }

    [Fact]
    public void Lock_DirectMountsWithExcludeFiles_IsAnError()
    {
        var manifest = SpinManifest.Load(TestPaths.Fixture("shop", "spin.toml"));

        var e = Assert.Throws<LockedAppException>(() => ManifestLocker.Lock(manifest, new LockOptions { DirectMounts = true }));

        Assert.Contains("Failed to load component `api`: Cannot load a component with `exclude_files` using --direct-mounts", e.Message);
    }

    [Fact]
    public async Task LockedApp_VariablesAndOutboundHosts_ResolveForTheHost()
    {
        var locked = ManifestLocker.Lock(SpinManifest.Load(TestPaths.Fixture("shop", "spin.toml")), new LockOptions { FilesMountRoot = _filesRoot });
        var env = new Dictionary<string, string> { ["SPIN_VARIABLE_API_TOKEN"] = "secret" };

        var prepared = await VariableResolver.ForApp(locked, [new EnvironmentVariableProvider(getEnvironmentVariable: env.GetValueOrDefault)]).PrepareAsync(CancellationToken.None);
        var hosts = AllowedOutboundHosts.ForComponent(locked.FindComponent("api")!, prepared);

        Assert.Equal("secret", prepared.TryGetComponentVariable("api", "token"));
        Assert.Equal("https://api.example.com/v1", prepared.TryGetComponentVariable("api", "base_url"));
        Assert.True(hosts.Allows("https://api.example.com/items", "https"));
        Assert.False(hosts.Allows("https://evil.example.com/", "https"));
        Assert.True(hosts.AllowsRelative("http"));
        Assert.Equal(["api", "worker"], hosts.ServiceChainingTargets(locked.Components.Select(c => c.Id)).Where(id => id is "api" or "worker"));
    }
}
