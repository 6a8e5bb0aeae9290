using Spindle.Oci.Auth;

namespace Spindle.Oci.Tests.Auth;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Parse_BearerChallenge_ReadsRealmServiceAndScope()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:samalba/my-app:pull,push\"")!;

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.docker.io/token", challenge.Realm);
        Assert.Equal("registry.docker.io", challenge.Service);
        Assert.Equal("repository:samalba/my-app:pull,push", challenge.Scope);
    }

    [Fact]
    public void Parse_BasicChallengeWithEscapesAndSpaces_ReadsTheRealm()
    {
        var challenge = AuthChallenge.Parse("basic  realm=\"a \\\"quoted\\\" realm\", charset=UTF-8")!;

        Assert.True(challenge.IsBasic);
        Assert.Equal("a \"quoted\" realm", challenge.Realm);
        Assert.Equal("UTF-8", challenge.Parameters["charset"]);
    }

    [Fact]
    public void Parse_TwoChallenges_KeepsTheFirst()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"r\",service=\"s\", Basic realm=\"b\"")!;

        Assert.True(challenge.IsBearer);
        Assert.Equal("r", challenge.Realm);
        Assert.Equal("s", challenge.Service);
    }

    [Fact]
    public void Parse_Empty_IsNull() => Assert.Null(AuthChallenge.Parse(""));
}
