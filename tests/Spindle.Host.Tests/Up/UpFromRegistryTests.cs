using Spindle.Host.Up;
using Spindle.Oci;
using Spindle.Oci.Artifact;
using Spindle.Oci.Auth;
using Spindle.Oci.Cache;
using Spindle.Oci.Distribution;
using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;

namespace Spindle.Host.Tests.Up;

/// <summary>`spindle up --from REF`: the round trip against a real registry, and one-line errors on bad references.</summary>
public sealed class UpFromRegistryTests(LocalRegistry registry, BasicAuthLocalRegistry privateRegistry)
    : IClassFixture<LocalRegistry>, IClassFixture<BasicAuthLocalRegistry>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spindle-up-registry-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task UpFrom_PushedSampleHello_PullsIntoEmptyCacheAndServes()
    {
        var reference = $"{registry.Host}/samples/hello:v1";
        var pushed = await PushHelloAsync(reference);
        var cache = Path.Combine(_directory, "cache");
        Assert.False(Directory.Exists(cache));

        var output = await ServeHelloAsync(new UpArguments { From = reference, Insecure = true, CacheDir = cache, Listen = "127.0.0.1:0" });

        // A registry app has no directory for .spin/logs, so (as in Spin) nothing is logged to files unless -L says so.
        Assert.StartsWith("\nServing http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.EndsWith("/hello\n    Says hello\n", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(new OciCache(cache).ManifestDirectory(ImageReference.Parse(reference)), OciCache.ManifestFile)));
        var wasm = Directory.GetFiles(Path.Combine(cache, "registry", "wasm"));
        Assert.NotEmpty(wasm);
        Assert.StartsWith("sha256:", pushed.Digest, StringComparison.Ordinal);

        // The second run reuses the verified layers in the cache instead of downloading them again.
        var written = Array.ConvertAll(wasm, File.GetLastWriteTimeUtc);
        await ServeHelloAsync(new UpArguments { FromRegistry = reference, Insecure = true, CacheDir = cache, Listen = "127.0.0.1:0" });
        Assert.Equal(wasm, Directory.GetFiles(Path.Combine(cache, "registry", "wasm")));
        Assert.Equal(written, Array.ConvertAll(wasm, File.GetLastWriteTimeUtc));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task UpFrom_MissingTag_NamesRepositoryAndTag()
    {
        var cache = Path.Combine(_directory, "cache");

        var (code, error) = await RunAsync(new UpArguments { FromRegistry = $"{registry.Host}/nothing/here:v9", Insecure = true, CacheDir = cache });

        Assert.Equal(1, code);
        Assert.StartsWith("Error: ", error, StringComparison.Ordinal);
        Assert.Contains("tag \"v9\" of repository nothing/here", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cache, "registry", "wasm")));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task UpFrom_UnusableCache_PrintsOneError()
    {
        var reference = $"{registry.Host}/samples/hello:cache-test";
        await PushHelloAsync(reference);
        var cache = Path.Combine(_directory, "not-a-directory");
        await File.WriteAllTextAsync(cache, "");

        var (code, error) = await RunAsync(new UpArguments { From = reference, Insecure = true, CacheDir = cache });

        Assert.Equal(1, code);
        Assert.StartsWith($"Error: cannot store {reference} in the cache {cache}: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task UpFrom_RegistryNeedingLogin_SaysHowToLogIn()
    {
        var cache = Path.Combine(_directory, "cache");

        var (code, error) = await RunAsync(new UpArguments { From = $"{privateRegistry.Host}/private/app:v1", Insecure = true, CacheDir = cache });

        Assert.Equal(1, code);
        Assert.StartsWith($"Error: registry {privateRegistry.Host} requires authentication", error, StringComparison.Ordinal);
        Assert.Contains($"spindle registry login {privateRegistry.Host}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpFromRegistry_InvalidReference_PrintsOneError()
    {
        var (code, error) = await RunAsync(new UpArguments { FromRegistry = "localhost:5000/Not A Repo!", CacheDir = Path.Combine(_directory, "cache") });

        Assert.Equal(1, code);
        Assert.StartsWith("Error: invalid reference \"localhost:5000/Not A Repo!\"", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "cache")));
    }

    [Fact]
    public async Task UpFrom_MissingPathThatIsNoReference_SuggestsFromRegistry()
    {
        var (code, error) = await RunAsync(new UpArguments { From = "no-such-dir/spin.toml" });

        Assert.Equal(1, code);
        Assert.Equal("Error: File or directory 'no-such-dir/spin.toml' not found. If you meant to load from a registry, use the `--from-registry` option.", error);
    }

    [Fact]
    public async Task UpFromAndFromRegistry_Together_AreRejected()
    {
        var (code, error) = await RunAsync(new UpArguments { From = "spin.toml", FromRegistry = "ghcr.io/user/app:v1" });

        Assert.Equal(1, code);
        Assert.StartsWith("Error: -f/--from 'spin.toml' and --from-registry", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ghcr.io/user/app:v1", true)]
    [InlineData("localhost:5000/app", true)]
    [InlineData("127.0.0.1:5000/samples/hello:v1", true)]
    [InlineData("app:v1", true)]
    [InlineData("app:latest", true)]
    [InlineData("docker.io/user/app", true)]
    [InlineData("app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("spin.toml", false)]
    [InlineData("apps/hello/spin.toml", false)]
    [InlineData("./spin.toml", false)]
    [InlineData("../app", false)]
    [InlineData("Has Spaces", false)]
    public void IsProbablyReference_FollowsSpinHeuristic(string value, bool expected) =>
        Assert.Equal(expected, RegistryAppSource.IsProbablyReference(value));

    /// <summary>Pushes samples/hello with the OCI library, as `spindle registry push -k -f samples/hello` does.</summary>
    private async Task<PushResult> PushHelloAsync(string reference)
    {
        var manifest = SpinManifest.Load(Path.Combine(TestEnvironment.RepoRoot, "samples", "hello", "spin.toml"));
        var pusher = new SpinRegistryClient(new CredentialStore(Path.Combine(_directory, "auth.json")), new RegistryClientOptions { Insecure = true });
        return await pusher.PushAsync(reference, ManifestLocker.Lock(manifest).ToJson(), new SpinArtifactOptions(), null, CancellationToken.None);
    }

    /// <summary>Runs `up` until it serves, checks GET /hello, stops it (as Ctrl+C does); returns its standard output.</summary>
    private static async Task<string> ServeHelloAsync(UpArguments arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = UpRunner.RunAsync(arguments, output, error, _ => null, stop.Token, url => serving.TrySetResult(url));
        var baseUrl = await await Task.WhenAny(serving.Task, run.ContinueWith(t => $"exited {t.Result}: {error}", TaskScheduler.Default));
        Assert.StartsWith("http://127.0.0.1:", baseUrl, StringComparison.Ordinal);

        using var client = new HttpClient();
        Assert.Equal("Hello, Spindle!\n", await client.GetStringAsync(baseUrl + "/hello"));
        await stop.CancelAsync();
        Assert.Equal(0, await run);
        return output.ToString().ReplaceLineEndings("\n");
    }

    private static async Task<(int Code, string Error)> RunAsync(UpArguments arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await UpRunner.RunAsync(arguments, output, error, _ => null, CancellationToken.None);
        return (code, error.ToString().Trim());
    }
}
