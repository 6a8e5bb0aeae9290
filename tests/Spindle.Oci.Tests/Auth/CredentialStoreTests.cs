using System.Runtime.Versioning;
using Spindle.Oci.Auth;
using Spindle.Oci.Distribution;

namespace Spindle.Oci.Tests.Auth;

public sealed class CredentialStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spindle-creds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("docker.io", "index.docker.io")]
    [InlineData("https://index.docker.io/v1/", "index.docker.io")]
    [InlineData("https://ghcr.io", "ghcr.io")]
    [InlineData("localhost:5000", "localhost:5000")]
    [InlineData("http://LocalHost:5000/", "localhost:5000")]
    public void NormalizeServer_MapsDockerHubAndDropsSchemeAndPath(string input, string expected) =>
        Assert.Equal(expected, CredentialStore.NormalizeServer(input));

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("localhost:notaport")]
    public async Task Login_InvalidServer_IsRejectedBeforeAnyRequest(string server)
    {
        var store = new CredentialStore(Path.Combine(_dir, "spindle", "registry-auth.json"));
        var client = new SpinRegistryClient(store, new RegistryClientOptions());

        var error = await Assert.ThrowsAsync<OciException>(() => client.LoginAsync(server, new RegistryCredentials("u", "p"), CancellationToken.None));

        Assert.Equal(OciErrorKind.InvalidInput, error.Kind);
        Assert.Contains($"invalid registry \"{server}\"", error.Message);
        Assert.False(File.Exists(store.StorePath));
    }

    [Fact]
    public async Task Save_ThenGet_RoundTripsInSpinsFormatWithOwnerOnlyMode()
    {
        var store = new CredentialStore(Path.Combine(_dir, "spindle", "registry-auth.json"));

        await store.SaveAsync("docker.io", new RegistryCredentials("u", "p:w"), CancellationToken.None);
        await store.SaveAsync("ghcr.io", new RegistryCredentials("g", "h"), CancellationToken.None);

        Assert.Equal(new RegistryCredentials("u", "p:w"), await store.GetAsync("index.docker.io", CancellationToken.None));
        Assert.Equal(new RegistryCredentials("g", "h"), await store.GetAsync("https://ghcr.io", CancellationToken.None));
        Assert.Contains("\"index.docker.io\": \"dTpwOnc=\"", await File.ReadAllTextAsync(store.StorePath));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.StorePath));
    }

    [Fact]
    public async Task Get_FallsBackToSpinsStoreThenDockerConfig()
    {
        var spin = Path.Combine(_dir, "fermyon.json");
        var docker = Path.Combine(_dir, "docker.json");
        await File.WriteAllTextAsync(spin, "{\"auths\":{\"ghcr.io\":\"" + new RegistryCredentials("spin", "x").ToBase64() + "\"}}");
        await File.WriteAllTextAsync(docker, "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + new RegistryCredentials("hub", "y").ToBase64() + "\"},"
            + "\"registry.example.com\":{\"username\":\"plain\",\"password\":\"z\"}},\"credsStore\":\"desktop\"}");
        var store = new CredentialStore(Path.Combine(_dir, "missing.json"), [spin], docker);

        Assert.Equal(new RegistryCredentials("spin", "x"), await store.GetAsync("ghcr.io", CancellationToken.None));
        Assert.Equal(new RegistryCredentials("hub", "y"), await store.GetAsync("docker.io", CancellationToken.None));
        Assert.Equal(new RegistryCredentials("plain", "z"), await store.GetAsync("registry.example.com", CancellationToken.None));
        Assert.Null(await store.GetAsync("quay.io", CancellationToken.None));
    }

    [Fact]
    public async Task Get_DockerCredentialHelpers_AreRunAndIdentityTokensIgnored()
    {
        if (OperatingSystem.IsWindows()) return;
        var bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        WriteHelper(bin, "spindlestore", "registry.example.com", "{\"ServerURL\":\"registry.example.com\",\"Username\":\"helper\",\"Secret\":\"pw\"}");
        WriteHelper(bin, "spindlehub", "https://index.docker.io/v1/", "{\"Username\":\"hub\",\"Secret\":\"t\"}");
        WriteHelper(bin, "spindletoken", "ghcr.io", "{\"Username\":\"<token>\",\"Secret\":\"identity\"}");
        var docker = Path.Combine(_dir, "docker.json");
        await File.WriteAllTextAsync(docker,
            "{\"auths\":{\"registry.example.com\":{}},\"credsStore\":\"spindlestore\",\"credHelpers\":{\"docker.io\":\"spindlehub\",\"ghcr.io\":\"spindletoken\"}}");
        var store = new CredentialStore(Path.Combine(_dir, "missing.json"), [], docker) { HelperSearchPath = bin };

        Assert.Equal(new RegistryCredentials("helper", "pw"), await store.GetAsync("registry.example.com", CancellationToken.None));
        Assert.Equal(new RegistryCredentials("hub", "t"), await store.GetAsync("docker.io", CancellationToken.None));
        Assert.Null(await store.GetAsync("ghcr.io", CancellationToken.None));
        Assert.Null(await store.GetAsync("quay.io", CancellationToken.None));
    }

    [Fact]
    public async Task Get_CorruptStore_SaysWhichFile()
    {
        var path = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(path, "{not json");

        var error = await Assert.ThrowsAsync<OciException>(() => new CredentialStore(path).GetAsync("ghcr.io", CancellationToken.None));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Credentials_ToString_HidesThePassword() =>
        Assert.DoesNotContain("secret", new RegistryCredentials("u", "secret").ToString());

    [UnsupportedOSPlatform("windows")]
    private static void WriteHelper(string bin, string name, string server, string json)
    {
        var path = Path.Combine(bin, "docker-credential-" + name);
        File.WriteAllText(path, $"#!/bin/sh\nread server\nif [ \"$server\" = \"{server}\" ]; then echo '{json}'; exit 0; fi\necho 'credentials not found in native keychain' >&2\nexit 1\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
