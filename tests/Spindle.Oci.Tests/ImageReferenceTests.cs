namespace Spindle.Oci.Tests;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", "latest", null)]
    [InlineData("user/app", "docker.io", "user/app", "latest", null)]
    [InlineData("docker.io/user/app:v1", "docker.io", "user/app", "v1", null)]
    [InlineData("ghcr.io/spinframework/hello:2.0", "ghcr.io", "spinframework/hello", "2.0", null)]
    [InlineData("localhost:5000/app", "localhost:5000", "app", "latest", null)]
    [InlineData("localhost/app:dev", "localhost", "app", "dev", null)]
    [InlineData("127.0.0.1:41234/a/b/c:tag_1.x-y", "127.0.0.1:41234", "a/b/c", "tag_1.x-y", null)]
    [InlineData("ttl.sh/my-app_x.y__z:1h", "ttl.sh", "my-app_x.y__z", "1h", null)]
    [InlineData("ghcr.io/u/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "ghcr.io", "u/app", null, "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("ghcr.io/u/app:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "ghcr.io", "u/app", "v1", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Parse_ValidReference_AppliesDockerDefaults(string input, string registry, string repository, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(input);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
    }

    [Fact]
    public void RegistryHost_DockerHub_IsIndexDockerIo()
    {
        Assert.Equal("index.docker.io", ImageReference.Parse("user/app").RegistryHost);
        Assert.Equal("localhost:5000", ImageReference.Parse("localhost:5000/app").RegistryHost);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("https://ghcr.io/u/app", "leave out the scheme")]
    [InlineData("ghcr.io/User/App", "repository component \"User\"")]
    [InlineData("ghcr.io/u/app:", "tag \"\"")]
    [InlineData("ghcr.io/u/app:-bad", "tag \"-bad\"")]
    [InlineData("ghcr.io/u/app@sha256:xyz", "digest \"sha256:xyz\"")]
    [InlineData("ghcr.io/u//app", "repository component \"\"")]
    [InlineData("ghcr.io/u/a..b", "repository component \"a..b\"")]
    [InlineData("ghcr.io/u/a_-b", "repository component \"a_-b\"")]
    [InlineData("localhost:99999/app", "registry \"localhost:99999\"")]
    [InlineData("ghcr.io/", "the repository name is missing")]
    public void Parse_InvalidReference_SaysWhatIsWrongAndShowsTheForm(string input, string why)
    {
        var error = Assert.Throws<OciException>(() => ImageReference.Parse(input));

        Assert.Equal(OciErrorKind.InvalidReference, error.Kind);
        Assert.Contains(why, error.Message);
        Assert.Contains("Expected [registry[:port]/]repository[:tag][@sha256:digest]", error.Message);
    }

    [Fact]
    public void ToString_IsTheFullyQualifiedReference()
    {
        Assert.Equal("docker.io/library/nginx:latest", ImageReference.Parse("nginx").ToString());
    }
}
