using System.Text;
using Spindle.Spin.Locked;

namespace Spindle.Spin.Tests.Locked;

public class LockedAppTests
{
    private static LockedApp Read(string json) => LockedApp.FromJson(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ToJson_EmptyApp_IsVersionZeroWithoutEmptyFields()
        => Assert.Equal("{\n  \"spin_lock_version\": 0,\n  \"triggers\": [],\n  \"components\": []\n}", new LockedApp().ToJsonString());

    [Fact]
    public void FromJson_SpinValidManifestLock_ReadsEveryField()
    {
        // crates/loader/tests/ui/valid-manifest.lock (fermyon/spin), trimmed.
        var app = Read("""
            { "spin_lock_version": 0,
              "metadata": { "authors": ["Gul Madred"], "name": "chain-of-command", "origin": "file:///app/spin.toml",
                            "trigger": { "type": "http" }, "triggers": { "http": {} }, "version": "6.11.2" },
              "triggers": [ { "id": "trigger-four-lights", "trigger_type": "http",
                              "trigger_config": { "component": "four-lights", "executor": { "type": "http" }, "route": "/lights" } } ],
              "components": [ { "id": "four-lights",
                                "source": { "content_type": "application/wasm", "source": "file:///app/wasm/dummy.wasm" },
                                "env": { "env1": "first", "env2": "second" } } ] }
            """);

        Assert.Equal("chain-of-command", app.Name);
        Assert.Equal("four-lights", app.Triggers[0].ComponentId);
        Assert.Equal("/lights", app.Triggers[0].TriggerConfig["route"]!.GetValue<string>());
        Assert.Equal("file:///app/wasm/dummy.wasm", app.Components[0].Source.Source);
        Assert.Equal("second", app.Components[0].Env["env2"]);
    }

    [Fact]
    public void FromJson_UnknownTopLevelFields_AreIgnored()
        => Assert.Empty(Read("""{ "spin_lock_version": 1, "triggers": [], "components": [], "never_create_field_with_this_name": 123 }""").Triggers);

    [Fact]
    public void FromJson_UnknownMustUnderstand_IsRejected()
    {
        var e = Assert.Throws<LockedAppException>(() => Read("""{ "spin_lock_version": 1, "must_understand": ["flux_capacitor"], "triggers": [], "components": [] }"""));
        Assert.StartsWith("unknown variant `flux_capacitor`", e.Message);
    }

    [Fact]
    public void FromJson_UnsupportedHostRequirement_IsRejected()
    {
        var e = Assert.Throws<LockedAppException>(() => Read("""{ "spin_lock_version": 1, "must_understand": ["host_requirements"], "host_requirements": { "time_travel": "required", "x": "optional" }, "triggers": [], "components": [] }"""));
        Assert.Equal("This version of Spin does not support the following features required by this application: time_travel", e.Message);
    }

    [Fact]
    public void FromJson_NewerVersion_IsRejected()
        => Assert.Throws<LockedAppException>(() => Read("""{ "spin_lock_version": 2, "triggers": [], "components": [] }"""));

    [Fact]
    public void FromJson_OptionalHostRequirement_IsDropped()
    {
        var app = Read("""{ "spin_lock_version": 1, "host_requirements": { "x": "optional" }, "triggers": [], "components": [] }""");
        Assert.Empty(app.HostRequirements);
        Assert.Equal(0, app.SpinLockVersion);
    }

    [Fact]
    public void Json_InlineContentAndDependencies_RoundTrip()
    {
        var app = new LockedApp
        {
            Components =
            [
                new LockedComponent
                {
                    Id = "a",
                    Source = new LockedComponentSource { Inline = [0, 97, 115, 109] },
                    Dependencies = new(StringComparer.Ordinal) { ["b:c/d"] = new LockedComponentDependency { Source = new() { Digest = "sha256:00" }, Inherit = "All" } },
                },
            ],
        };

        var json = app.ToJsonString();
        var reread = LockedApp.FromJson(Encoding.UTF8.GetBytes(json));

        Assert.Contains("\"inline\": \"AGFzbQ\"", json); // Spin writes base64 without padding
        Assert.Equal(json, reread.ToJsonString());
        Assert.Equal([0, 97, 115, 109], reread.Components[0].Source.Inline);
    }

    [Theory]
    [InlineData("AGFzbQ")]
    [InlineData("AGFzbQ==")]
    public void FromJson_InlineContent_AcceptsSpinsUnpaddedBase64AndPadded(string encoded)
    {
        var app = Read($$"""{ "spin_lock_version": 1, "triggers": [], "components": [ { "id": "a", "source": { "content_type": "application/wasm", "inline": "{{encoded}}" } } ] }""");

        Assert.Equal([0, 97, 115, 109], app.Components[0].Source.Inline);
    }
}
