using Spindle.Spin.Manifest;

namespace Spindle.Spin.Tests.Manifest;

public class SpinManifestTests
{
    [Fact]
    public void Load_Maximal_ReadsEveryApplicationField()
    {
        var manifest = SpinManifest.Load(TestPaths.Fixture("maximal", "spin.toml"));
        var app = manifest.Application;

        Assert.Equal(2, manifest.OriginalVersion);
        Assert.Equal("maximal", app.Name);
        Assert.Equal("0.1.0", app.Version);
        Assert.Equal("Every field Spindle reads", app.Description);
        Assert.Equal(["Ada", "Grace"], app.Authors);
        Assert.Equal([new TargetEnvironment("spin-up:3.3"), new TargetEnvironment("my-env:1.0", "ghcr.io/my/envs"), new TargetEnvironment(null, Path: "env.toml")], app.Targets);
        Assert.Equal("redis://localhost:6379", app.TriggerGlobalConfigs["redis"]["address"].ToString());
        Assert.Equal("strict", app.Tool["lint"]["level"].ToString());
        Assert.Equal(["api_host", "api_token"], manifest.Variables.Keys);
        Assert.Equal("API host", manifest.Variables["api_host"].Description);
        Assert.Equal("api.example.com", manifest.Variables["api_host"].Default);
        Assert.False(manifest.Variables["api_host"].Required);
        Assert.True(manifest.Variables["api_token"].Required);
        Assert.True(manifest.Variables["api_token"].Secret);
        Assert.Null(manifest.Variables["api_token"].Default);
    }

    [Fact]
    public void Load_Maximal_ReadsEveryTriggerField()
    {
        var triggers = SpinManifest.Load(TestPaths.Fixture("maximal", "spin.toml")).Triggers;

        Assert.Equal(["http", "http", "http", "http", "redis", "cron"], triggers.Select(t => t.Type));
        Assert.Equal("main", triggers[0].Id);
        Assert.Equal("web", triggers[0].Component!.Reference);
        Assert.Equal(new HttpRoute("/..."), triggers[0].Http!.Route);
        Assert.Equal(new HttpExecutor("http"), triggers[0].Http!.Executor);
        Assert.Equal(new HttpExecutor("wagi", "${SCRIPT_NAME} -v ${ARGS}"), triggers[1].Http!.Executor);
        Assert.Equal("", triggers[1].Id);
        Assert.True(triggers[2].Http!.Route.IsPrivate);
        Assert.Equal("inline.wasm", triggers[2].Component!.Inline!.Source.Path);
        Assert.Equal("inline", triggers[2].Component!.Inline!.Description);
        var response = triggers[3].Http!.StaticResponse!;
        Assert.Equal(301, response.Status);
        Assert.Equal("/new", response.Headers["location"]);
        Assert.Equal("moved", response.Body);
        Assert.Null(triggers[3].Component);
        Assert.Equal("orders", triggers[4].Redis!.Channel);
        Assert.Equal("redis://other:6379", triggers[4].Redis!.Address);
        Assert.Equal("1/2 * * * * *", triggers[5].Config["cron_expression"].ToString());
        Assert.Equal(["route", "executor"], triggers[0].Config.Keys);
    }

    [Fact]
    public void Load_Maximal_ReadsEveryComponentField()
    {
        var manifest = SpinManifest.Load(TestPaths.Fixture("maximal", "spin.toml"));
        var web = manifest.Components["web"];

        Assert.Equal(["web", "helper", "registry"], manifest.Components.Keys);
        Assert.Equal(ComponentSource.FromPath("web.wasm").Path, web.Source.Path);
        Assert.Equal("Web", web.Description);
        Assert.Equal(["token", "url"], web.Variables.Keys);
        Assert.Equal("https://{{ api_host }}/v1", web.Variables["url"]);
        Assert.Equal(["RUST_LOG", "MODE"], web.Environment.Keys);
        Assert.Equal([new FileMount("static/**/*"), new FileMount(null, "data", "/data")], web.Files);
        Assert.Equal(["static/secret/*"], web.ExcludeFiles);
        Assert.Equal(["https://{{ api_host }}", "redis://localhost:6379"], web.AllowedOutboundHosts);
        Assert.Equal(["example.com"], web.AllowedHttpHosts);
        Assert.Equal(["https://{{ api_host }}", "redis://localhost:6379", "http://example.com", "https://example.com"], web.NormalizedAllowedOutboundHosts);
        Assert.Equal(["default", "snake_case", "kebab-case"], web.KeyValueStores);
        Assert.Equal(["default"], web.SqliteDatabases);
        Assert.Equal(["llama2-chat", "all-minilm-l6-v2"], web.AiModels);
        Assert.Equal([new TargetEnvironment("spin-up:3.2")], web.Targets);
        Assert.True(web.DependenciesInheritConfiguration);
        Assert.Equal(["npm install", "npm run build"], web.Build!.Commands);
        Assert.True(web.Build.IsCommandList);
        Assert.Equal("web", web.Build.Workdir);
        Assert.Equal(["src/**/*.ts"], web.Build.Watch);
        Assert.Equal("rm -rf dist", web.Tool["clean"]["command"].ToString());
        Assert.Equal("web-debug.wasm", web.Profiles["debug"].Source!.Path);
        Assert.Equal(["npm run build:debug"], web.Profiles["debug"].Build!.Commands);
        Assert.False(web.Profiles["debug"].Build!.IsCommandList);
    }

    [Fact]
    public void Load_Maximal_ReadsEverySourceAndDependencyForm()
    {
        var manifest = SpinManifest.Load(TestPaths.Fixture("maximal", "spin.toml"));
        var deps = manifest.Components["web"].Dependencies;

        Assert.Equal(ComponentDependencyKind.Local, deps["my:lib/math"].Kind);
        Assert.Equal("lib.wasm", deps["my:lib/math"].Path);
        Assert.Equal("my:lib/math-impl", deps["my:lib/math"].Export);
        Assert.Equal(ComponentDependencyKind.Version, deps["my:dep/version"].Kind);
        Assert.Equal(">=0.1.0", deps["my:dep/version"].Version);
        Assert.Equal(ComponentDependencyKind.Package, deps["my:dep/pkg"].Kind);
        Assert.Equal(("1.0.0", "registry.io", "other:pkg"), (deps["my:dep/pkg"].Version, deps["my:dep/pkg"].Registry, deps["my:dep/pkg"].Package));
        Assert.Equal(ComponentDependencyKind.Http, deps["my:dep/url"].Kind);
        Assert.Equal(("https://example.com/dep.wasm", "sha256:abc"), (deps["my:dep/url"].Url, deps["my:dep/url"].Digest));
        Assert.Equal(["ai_models"], deps["my:dep/url"].InheritConfigurations);
        Assert.Equal(ComponentDependencyKind.AppComponent, deps["my:dep/app"].Kind);
        Assert.Equal("helper", deps["my:dep/app"].Component);

        var helper = manifest.Components["helper"].Source;
        Assert.Equal((ComponentSourceKind.Remote, "https://example.com/helper.wasm", "sha256:0123"), (helper.Kind, helper.Url, helper.Digest));
        var registry = manifest.Components["registry"].Source;
        Assert.Equal((ComponentSourceKind.Registry, "ttl.sh", "acme:thing", "1.0.0"), (registry.Kind, registry.Registry, registry.Package, registry.Version));
    }

    [Fact]
    public void Load_Maximal_WarnsAboutDeprecatedAllowedHttpHosts()
    {
        var manifest = SpinManifest.Load(TestPaths.Fixture("maximal", "spin.toml"));

        var warning = Assert.Single(manifest.Warnings);
        Assert.Equal("Use of the deprecated field `allowed_http_hosts` - to fix, replace `allowed_http_hosts` with `allowed_outbound_hosts = [\"http://example.com\", \"https://example.com\"]`", warning.Message);
        Assert.Equal((56, 22), (warning.Line, warning.Column));
    }

    [Fact]
    public void Normalize_AssignsTriggerIdsAndHoistsInlineComponents()
    {
        var manifest = ManifestNormalizer.Normalize(SpinManifest.Load(TestPaths.Fixture("maximal", "spin.toml")));

        Assert.Equal(["main", "web-http-trigger", "http-trigger1", "http-trigger2", "web-redis-trigger", "web-cron-trigger"], manifest.Triggers.Select(t => t.Id));
        Assert.Equal("http-trigger1-component", manifest.Triggers[2].Component!.Reference);
        Assert.Equal("inline.wasm", manifest.Components["http-trigger1-component"].Source.Path);
    }

    [Fact]
    public void Load_Directory_ReadsSpinToml()
        => Assert.Equal("shop", SpinManifest.Load(TestPaths.Fixture("shop")).Application.Name);

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        var e = Assert.Throws<ManifestException>(() => SpinManifest.Load(TestPaths.Fixture("nope", "spin.toml")));
        Assert.Contains("nope", e.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysHowToPointAtTheManifest()
    {
        var e = Assert.Throws<ManifestException>(() => SpinManifest.Load(TestPaths.Fixture("nope", "spin.toml")));
        Assert.Contains("does not exist", e.Message);
        Assert.Contains("-f", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Load_EmptyPath_SaysHowToPointAtTheManifest(string path)
    {
        var e = Assert.Throws<ManifestException>(() => SpinManifest.Load(path));
        Assert.Contains("the path is empty", e.Message);
        Assert.Null(SpinManifest.TryReadBuildSettings(path));
    }

    [Fact]
    public void Load_InvalidUtf8_ReportsAParseErrorWithItsLine()
    {
        var directory = Directory.CreateTempSubdirectory("spindle-spin-test-").FullName;
        try
        {
            var path = Path.Combine(directory, "spin.toml");
            File.WriteAllBytes(path, [.. "spin_manifest_version = 2\n# "u8, 0xC3, 0x28, (byte)'\n']);

            var e = Assert.Throws<ManifestException>(() => SpinManifest.Load(path));

            var error = Assert.Single(e.Errors);
            Assert.Equal(2, error.Line);
            Assert.StartsWith("TOML parse error:", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
