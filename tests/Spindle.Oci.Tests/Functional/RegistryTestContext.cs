using Spindle.Oci.Artifact;
using Spindle.Oci.Auth;
using Spindle.Oci.Cache;
using Spindle.Oci.Distribution;
using Spindle.Oci.Tests.Support;

namespace Spindle.Oci.Tests.Functional;

/// <summary>Per-test state: an empty credential store, an empty cache, a client for the registry.</summary>
public sealed class RegistryTestContext : IDisposable
{
    public RegistryTestContext(RegistryServer server, HttpMessageHandler? handler = null, int chunkSize = 8 * 1024 * 1024, int maxManifestBytes = 4 * 1024 * 1024)
    {
        Server = server;
        Directory = System.IO.Directory.CreateTempSubdirectory("spindle-oci-test-").FullName;
        Credentials = new CredentialStore(Path.Combine(Directory, "config", "registry-auth.json"));
        Cache = new OciCache(Path.Combine(Directory, "cache"));
        Options = new RegistryClientOptions
        {
            Insecure = true,
            RetryDelay = TimeSpan.FromMilliseconds(5),
            ChunkSize = chunkSize,
            MaxManifestBytes = maxManifestBytes,
            Handler = handler,
        };
        Client = new SpinRegistryClient(Credentials, Options);
    }

    public RegistryServer Server { get; }

    public string Directory { get; }

    public CredentialStore Credentials { get; }

    public OciCache Cache { get; }

    public RegistryClientOptions Options { get; }

    public SpinRegistryClient Client { get; }

    public static SpinArtifactOptions ArtifactOptions { get; } = new();

    public string Reference(string repository, string tag = "v1") => $"{Server.Host}/{repository}:{tag}";

    public Task LoginAsync() =>
        Client.LoginAsync(Server.Host, new RegistryCredentials(RegistryServer.Username, RegistryServer.Password), CancellationToken.None);

    /// <summary>Pushes <paramref name="app"/> with the default artifact options and no progress.</summary>
    public Task<PushResult> PushAsync(string reference, TestApp app) =>
        Client.PushAsync(reference, app.LockedJson, ArtifactOptions, null, CancellationToken.None);

    /// <summary>Pulls into this context's cache, without progress.</summary>
    public Task<PulledArtifact> PullAsync(string reference) => Client.PullAsync(reference, Cache, null, CancellationToken.None);

    /// <summary>Every file under the cache's wasm, data and manifests directories.</summary>
    public string[] CachedFiles() => System.IO.Directory.Exists(Cache.RegistryDirectory)
        ? System.IO.Directory.GetFiles(Cache.RegistryDirectory, "*", SearchOption.AllDirectories)
        : [];

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
