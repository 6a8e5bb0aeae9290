using Spindle.Oci.Auth;
using Spindle.Oci.Tests.Support;

namespace Spindle.Oci.Tests.Functional;

/// <summary>A real registry with token auth trusting the fixture's token service (RS256 JWTs, x5c chain to a trusted root).</summary>
public sealed class TokenAuthRegistryTests(TokenAuthRegistryFixture fixture) : IClassFixture<TokenAuthRegistryFixture>
{
    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Login_ValidCredentials_GetATokenAndAreSaved()
    {
        using var context = new RegistryTestContext(fixture.Server);

        await context.LoginAsync();

        Assert.Equal(new RegistryCredentials(RegistryServer.Username, RegistryServer.Password), await context.Credentials.GetAsync(fixture.Server.Host, CancellationToken.None));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Login_WrongPassword_IsRefusedByTheTokenService()
    {
        using var context = new RegistryTestContext(fixture.Server);

        var error = await Assert.ThrowsAsync<OciException>(() =>
            context.Client.LoginAsync(fixture.Server.Host, new RegistryCredentials(RegistryServer.Username, "wrong"), CancellationToken.None));

        Assert.Equal(OciErrorKind.Unauthorized, error.Kind);
        Assert.False(File.Exists(context.Credentials.StorePath));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task PushAndPull_WithTokens_SucceedAndCacheOneTokenPerScope()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 41);
        await context.LoginAsync();
        var reference = context.Reference("tokens/app");
        var before = fixture.Server.Tokens!.Requests;

        var pushed = await context.PushAsync(reference, app);
        var pulled = await context.PullAsync(reference);

        Assert.Equal(pushed.Digest, pulled.ManifestDigest);
        // One token for the push scope, one for the pull scope: cached, not fetched per request.
        Assert.Equal(2, fixture.Server.Tokens.Requests - before);
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Tokens_AreReusedUntilTheyExpireThenFetchedAgain()
    {
        using var setup = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 53);
        await setup.LoginAsync();
        var reference = setup.Reference("tokens/expiry");
        await setup.PushAsync(reference, app);
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        var client = new SpinRegistryClient(setup.Credentials, setup.Options with { TimeProvider = clock });
        using var tags = new Distribution.RegistryClientProbe(fixture.Server.Host, await setup.Credentials.GetAsync(fixture.Server.Host, CancellationToken.None), setup.Options with { TimeProvider = clock });
        var tokens = fixture.Server.Tokens!;

        await tags.ListTagsAsync("tokens/expiry");
        var afterFirst = tokens.Requests;
        await tags.ListTagsAsync("tokens/expiry");
        var afterSecond = tokens.Requests;
        clock.Advance(TimeSpan.FromMinutes(10));
        await tags.ListTagsAsync("tokens/expiry");

        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal(afterSecond + 1, tokens.Requests);
        Assert.True((await client.PullAsync(reference, setup.Cache, null, CancellationToken.None)).IsApplication);
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_TokenRefusedByRegistry_FetchesANewTokenAndSucceeds()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 43);
        await context.LoginAsync();
        var reference = context.Reference("tokens/refresh");
        await context.PushAsync(reference, app);
        var client = new SpinRegistryClient(context.Credentials, context.Options);
        fixture.Server.Tokens!.CorruptNextToken();

        var pulled = await client.PullAsync(reference, context.Cache, null, CancellationToken.None);

        Assert.True(pulled.IsApplication);
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Push_Anonymous_SaysHowToLogIn()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 47);

        var error = await Assert.ThrowsAsync<OciException>(() =>
            context.PushAsync(context.Reference("tokens/anonymous"), app));

        Assert.Equal(OciErrorKind.Unauthorized, error.Kind);
        Assert.Contains($"spindle registry login {fixture.Server.Host}", error.Message);
    }
}
