using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;

namespace Spindle.Spin.Tests.Manifest;

public class ManifestV1Tests
{
    private static SpinManifest Load() => SpinManifest.Load(TestPaths.Fixture("v1", "spin.toml"));

    [Fact]
    public void Load_V1_ConvertsApplicationAndTriggers()
    {
        var manifest = Load();

        Assert.Equal(1, manifest.OriginalVersion);
        Assert.Equal("chain-of-command", manifest.Application.Name);
        Assert.Equal("6.11.2", manifest.Application.Version);
        Assert.Equal(["Gul Madred", "Edward Jellico", "JL"], manifest.Application.Authors);
        Assert.Empty(manifest.Application.TriggerGlobalConfigs["http"]);
        Assert.Equal(["trigger-four-lights", "trigger-old-test"], manifest.Triggers.Select(t => t.Id));
        Assert.Equal(["four-lights", "old-test"], manifest.Triggers.Select(t => t.Component!.Reference));
        Assert.Equal(new HttpRoute("/lights"), manifest.Triggers[0].Http!.Route);
        Assert.Equal(new HttpExecutor("http"), manifest.Triggers[0].Http!.Executor);
    }

    [Fact]
    public void Load_V1_ConvertsComponents()
    {
        var components = Load().Components;

        Assert.Equal(["four-lights", "old-test"], components.Keys);
        Assert.Equal("first", components["four-lights"].Environment["env1"]);
        Assert.Equal("{{ greeting }}", components["old-test"].Variables["message"]);
        Assert.Equal(["make"], components["old-test"].Build!.Commands);
    }

    [Fact]
    public void Load_V1_GrantsLegacyDatabaseHostsOnlyWithoutAllowedOutboundHosts()
    {
        var components = Load().Components;

        Assert.Equal(
            ["redis://*:*", "mysql://*:*", "postgres://*:*", "http://example.com:8080", "https://example.com:8080", "http://self"],
            components["four-lights"].AllowedOutboundHosts);
        Assert.Equal(["redis://localhost"], components["old-test"].AllowedOutboundHosts);
    }

    [Fact]
    public void Lock_V1_WritesSingleTriggerMetadata()
    {
        var root = Path.Combine(Path.GetTempPath(), $"spindle-v1-{Guid.NewGuid():N}");
        var locked = ManifestLocker.Lock(Load(), new LockOptions { FilesMountRoot = root });
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);

        Assert.Equal("{\"type\":\"http\"}", locked.Metadata["trigger"]!.ToJsonString());
        Assert.Equal("{\"http\":{}}", locked.Metadata["triggers"]!.ToJsonString());
        Assert.Equal(0, locked.SpinLockVersion);
        Assert.Equal("{\"component\":\"four-lights\",\"executor\":{\"type\":\"http\"},\"route\":\"/lights\"}", locked.Triggers[0].TriggerConfig.ToJsonString());
    }

    [Theory]
    [InlineData("spin_version = \"1\"\nname = \"a\"\ntrigger = { type = \"http\" }\n", 0)]
    [InlineData("spin_manifest_version = \"1\"\nname = \"a\"\ntrigger = { type = \"redis\", address = \"redis://x\" }\n[[component]]\nid = \"w\"\nsource = \"w.wasm\"\n[component.trigger]\nchannel = \"c\"\n", 1)]
    public void Load_V1_AcceptsAliasAndOtherTriggerTypes(string toml, int triggers)
        => Assert.Equal(triggers, SpinManifest.Parse(toml).Triggers.Count);

    [Fact]
    public void Load_V1_UnknownComponentKey_IsAnError()
    {
        var toml = "spin_manifest_version = \"1\"\nname = \"a\"\ntrigger = { type = \"http\" }\n[[component]]\nid = \"w\"\nsource = \"w.wasm\"\nvariables = {}\n[component.trigger]\nroute = \"/\"\n";

        var e = Assert.Throws<ManifestException>(() => SpinManifest.Parse(toml));

        Assert.Equal((7, 1), (e.Errors[0].Line, e.Errors[0].Column));
        Assert.StartsWith("unknown field `variables`, expected one of `id`, `source`, `trigger`", e.Errors[0].Message);
    }

    [Fact]
    public void Load_V1_BaseSlash_IsOnlyAWarning()
    {
        var manifest = SpinManifest.Parse("spin_manifest_version = \"1\"\nname = \"a\"\ntrigger = { type = \"http\", base = \"/\" }\n");

        Assert.Equal("/", manifest.Application.TriggerGlobalConfigs["http"]["base"].ToString());
        Assert.Contains("deprecated trigger 'base'", Assert.Single(manifest.Warnings).Message);
    }

    [Fact]
    public void Load_V1_IdsThatNormalizeToTheSameId_AreDuplicates()
    {
        var toml = "spin_manifest_version = \"1\"\nname = \"a\"\ntrigger = { type = \"http\" }\n"
            + "[[component]]\nid = \"my_comp\"\nsource = \"a.wasm\"\n[component.trigger]\nroute = \"/a\"\n"
            + "[[component]]\nid = \"my-comp\"\nsource = \"b.wasm\"\n[component.trigger]\nroute = \"/b\"\n";

        var e = Assert.Throws<ManifestException>(() => SpinManifest.Parse(toml));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("duplicate component id `my-comp`", 9, 1), (error.Message, error.Line, error.Column));
        Assert.Equal("Each [[component]] needs a unique `id`", error.Hint);
    }
}
