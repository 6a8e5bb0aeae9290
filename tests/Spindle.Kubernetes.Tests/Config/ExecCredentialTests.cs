using System.Net;
using Spindle.Kubernetes.Config;
using Spindle.Kubernetes.Tests.Fakes;
using Spindle.Kubernetes.Tests.Fixtures;

namespace Spindle.Kubernetes.Tests.Config;

/// <summary>Credential plugins run as real executables (shell scripts printing ExecCredential JSON), as AKS/GKE plugins do.</summary>
public sealed class ExecCredentialTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spindle-exec-").FullName;
    private readonly FakeApiServer _server = new();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _server.Dispose();
    }

    /// <summary>A plugin that counts its runs, saves KUBERNETES_EXEC_INFO and prints <paramref name="status"/> (may use $n, the run number).</summary>
    private string Plugin(string apiVersion, string status, int exitCode = 0)
    {
        var path = Path.Combine(_dir, "plugin.sh");
        File.WriteAllText(path, $$"""
            #!/bin/sh
            n=$(( $(cat "{{_dir}}/runs" 2>/dev/null || echo 0) + 1 ))
            echo $n > "{{_dir}}/runs"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "{{_dir}}/exec-info"
            printf '%s' "$*" > "{{_dir}}/args"
            printf '%s' "$PLUGIN_MODE" > "{{_dir}}/env"
            if [ {{exitCode}} -ne 0 ]; then echo "login required: run az login" >&2; exit {{exitCode}}; fi
            cat <<EOF
            {"apiVersion":"{{apiVersion}}","kind":"ExecCredential","status":{{status}}}
            EOF
            """.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private KubernetesClientConfiguration Config(string command, string apiVersion = "client.authentication.k8s.io/v1", bool provideClusterInfo = false) => new()
    {
        Server = FakeApiServer.Address,
        CertificateAuthorityPem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
        Exec = new ExecConfig
        {
            ApiVersion = apiVersion,
            Command = command,
            Args = ["get-token", "--cluster", "dev"],
            Env = new Dictionary<string, string> { ["PLUGIN_MODE"] = "test" },
            ProvideClusterInfo = provideClusterInfo,
            InstallHint = "install it with: apt-get install spindle-auth",
        },
    };

    private int Runs => int.Parse(File.ReadAllText(Path.Combine(_dir, "runs")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Version => """{"gitVersion":"v1.20.2"}""";

    [Theory]
    [InlineData("client.authentication.k8s.io/v1")]
    [InlineData("client.authentication.k8s.io/v1beta1")]
    public async Task Token_SentAsBearer_PluginGetsArgsEnvAndExecInfo(string apiVersion)
    {
        var plugin = Plugin(apiVersion, """{"token":"tok-$n"}""");
        using var client = new KubernetesClient(Config(plugin, apiVersion, provideClusterInfo: true), _server, null, null);
        _server.RespondJson(HttpStatusCode.OK, Version);
        _server.RespondJson(HttpStatusCode.OK, Version);

        await client.GetServerVersionAsync();
        await client.GetServerVersionAsync();

        Assert.Equal(["Bearer tok-1", "Bearer tok-1"], _server.Requests.Select(r => r.Authorization));
        Assert.Equal(1, Runs);
        Assert.Equal("get-token --cluster dev", File.ReadAllText(Path.Combine(_dir, "args")));
        Assert.Equal("test", File.ReadAllText(Path.Combine(_dir, "env")));
        var info = File.ReadAllText(Path.Combine(_dir, "exec-info"));
        Assert.Contains($"\"apiVersion\":\"{apiVersion}\"", info, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"ExecCredential\"", info, StringComparison.Ordinal);
        Assert.Contains("\"interactive\":false", info, StringComparison.Ordinal);
        Assert.Contains("\"server\":\"https://fake.invalid:6443\"", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_PluginRunsAgain()
    {
        var plugin = Plugin("client.authentication.k8s.io/v1", """{"token":"tok-$n","expirationTimestamp":"2020-01-01T00:00:00Z"}""");
        using var client = new KubernetesClient(Config(plugin), _server, null, null);
        _server.RespondJson(HttpStatusCode.OK, Version);
        _server.RespondJson(HttpStatusCode.OK, Version);

        await client.GetServerVersionAsync();
        await client.GetServerVersionAsync();

        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], _server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Unauthorized_RefreshesOnceAndRetries()
    {
        var plugin = Plugin("client.authentication.k8s.io/v1", """{"token":"tok-$n"}""");
        using var client = new KubernetesClient(Config(plugin), _server, null, null);
        _server.RespondJson(HttpStatusCode.Unauthorized, FakeApiServer.StatusJson(401, "Unauthorized", "Unauthorized"));
        _server.RespondJson(HttpStatusCode.OK, Version);

        Assert.Equal("v1.20.2", await client.GetServerVersionAsync());
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], _server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task PluginFails_ErrorCarriesItsStderr()
    {
        var plugin = Plugin("client.authentication.k8s.io/v1", "{}", exitCode: 3);
        using var client = new KubernetesClient(Config(plugin), _server, null, null);

        var e = await Assert.ThrowsAsync<KubeConfigException>(() => client.GetServerVersionAsync());
        Assert.Contains("exited with code 3: login required: run az login", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginAnswersOtherApiVersion_IsRejected()
    {
        var plugin = Plugin("client.authentication.k8s.io/v1alpha1", """{"token":"x"}""");
        using var client = new KubernetesClient(Config(plugin), _server, null, null);

        var e = await Assert.ThrowsAsync<KubeConfigException>(() => client.GetServerVersionAsync());
        Assert.Contains("expected ExecCredential client.authentication.k8s.io/v1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingCommand_ShowsInstallHint()
    {
        using var client = new KubernetesClient(Config("spindle-no-such-plugin"), _server, null, null);
        var e = await Assert.ThrowsAsync<KubeConfigException>(() => client.GetServerVersionAsync());
        Assert.Contains("install it with: apt-get install spindle-auth", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificate_FromPlugin_IsLoaded()
    {
        using var certs = new TestCertificates();
        var json = System.Text.Json.JsonSerializer.Serialize(certs.ClientPem);
        var keyJson = System.Text.Json.JsonSerializer.Serialize(certs.ClientKeyPem);
        var plugin = Plugin("client.authentication.k8s.io/v1", $$"""{"clientCertificateData":{{json}},"clientKeyData":{{keyJson}}}""");
        var config = Config(plugin);
        using var provider = new ExecCredentialProvider(config.Exec!, config, TimeProvider.System);

        var result = await provider.GetAsync(CancellationToken.None);

        Assert.Null(result.Token);
        Assert.Equal(certs.Client.Thumbprint, result.Certificate!.Thumbprint);
        Assert.True(result.Certificate.HasPrivateKey);
    }

    [Fact]
    public async Task TokenFile_ReReadAfterUnauthorized()
    {
        var tokenFile = Path.Combine(_dir, "token");
        File.WriteAllText(tokenFile, "old\n");
        using var client = new KubernetesClient(new KubernetesClientConfiguration { Server = FakeApiServer.Address, TokenFile = tokenFile }, _server, null, null);
        _server.Respond(_ =>
        {
            File.WriteAllText(tokenFile, "new\n");
            return FakeApiServer.Json(HttpStatusCode.Unauthorized, FakeApiServer.StatusJson(401, "Unauthorized", "Unauthorized"));
        });
        _server.RespondJson(HttpStatusCode.OK, Version);

        await client.GetServerVersionAsync();

        Assert.Equal(["Bearer old", "Bearer new"], _server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task StaticToken_NoRetryOnUnauthorized()
    {
        using var client = new KubernetesClient(new KubernetesClientConfiguration { Server = FakeApiServer.Address, Token = "t" }, _server, null, null);
        _server.RespondJson(HttpStatusCode.Unauthorized, FakeApiServer.StatusJson(401, "Unauthorized", "Unauthorized"));

        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetServerVersionAsync());
        Assert.Equal(401, e.Status.Code);
        Assert.Equal("Bearer t", Assert.Single(_server.Requests).Authorization);
    }
}
