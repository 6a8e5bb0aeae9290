using System.Text.Json.Nodes;
using Spindle.Oci.Auth;
using Spindle.Oci.Tests.Support;

namespace Spindle.Oci.Tests.Functional;

/// <summary>A real registry behind htpasswd (bcrypt) Basic authentication.</summary>
public sealed class BasicAuthRegistryTests(BasicAuthRegistryFixture fixture) : IClassFixture<BasicAuthRegistryFixture>
{
    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Login_ValidCredentials_AreCheckedThenSavedInSpinFormat()
    {
        using var context = new RegistryTestContext(fixture.Server);

        await context.LoginAsync();

        var saved = JsonNode.Parse(await File.ReadAllTextAsync(context.Credentials.StorePath))!;
        var encoded = saved["auths"]![fixture.Server.Host]!.GetValue<string>();
        Assert.Equal(new RegistryCredentials(RegistryServer.Username, RegistryServer.Password), RegistryCredentials.FromBase64(encoded));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Login_WrongPassword_IsRefusedAndNothingIsSaved()
    {
        using var context = new RegistryTestContext(fixture.Server);

        var error = await Assert.ThrowsAsync<OciException>(() =>
            context.Client.LoginAsync(fixture.Server.Host, new RegistryCredentials(RegistryServer.Username, "wrong"), CancellationToken.None));

        Assert.Equal(OciErrorKind.Unauthorized, error.Kind);
        Assert.Contains($"cannot log in to {fixture.Server.Host}", error.Message);
        Assert.False(File.Exists(context.Credentials.StorePath));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task PushAndPull_WithStoredCredentials_Succeed()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 31);
        await context.LoginAsync();
        var reference = context.Reference("private/app");

        var pushed = await context.PushAsync(reference, app);
        var pulled = await context.PullAsync(reference);

        Assert.Equal(pushed.Digest, pulled.ManifestDigest);
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_WithDockerConfigCredentials_Succeeds()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 37);
        await context.LoginAsync();
        var reference = context.Reference("private/docker");
        await context.PushAsync(reference, app);
        var dockerConfig = Path.Combine(context.Directory, "docker", "config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(dockerConfig)!);
        var auth = new RegistryCredentials(RegistryServer.Username, RegistryServer.Password).ToBase64();
        await File.WriteAllTextAsync(dockerConfig, $"{{\"auths\":{{\"http://{fixture.Server.Host}\":{{\"auth\":\"{auth}\"}}}}}}");
        var dockerOnly = new SpinRegistryClient(new CredentialStore(Path.Combine(context.Directory, "none.json"), [], dockerConfig), context.Options);

        var pulled = await dockerOnly.PullAsync(reference, context.Cache, null, CancellationToken.None);

        Assert.True(pulled.IsApplication);
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_Anonymous_SaysHowToLogIn()
    {
        using var context = new RegistryTestContext(fixture.Server);

        var error = await Assert.ThrowsAsync<OciException>(() => context.PullAsync(context.Reference("private/app")));

        Assert.Equal(OciErrorKind.Unauthorized, error.Kind);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains($"spindle registry login {fixture.Server.Host}", error.Message);
        Assert.Empty(context.CachedFiles());
    }
}
