using Spindle.Kubernetes.Config;
using Spindle.Kubernetes.Tests.Fixtures;

namespace Spindle.Kubernetes.Tests.Config;

public sealed class KubeConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spindle-kubeconfig-").FullName;
    private readonly TestCertificates _certs = new();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _certs.Dispose();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Kubeconfig(string user, string currentContext = "dev", string cluster = "") => $"""
        apiVersion: v1
        kind: Config
        current-context: {currentContext}
        clusters:
        - name: local
          cluster:
            server: https://127.0.0.1:6443
            certificate-authority-data: {TestCertificates.Base64(_certs.CaPem)}
        {cluster}
        contexts:
        - name: dev
          context:
            cluster: local
            user: me
            namespace: team-a
        - name: other
          context:
            cluster: local
            user: me
        users:
        - name: me
          user:
        {user}
        """;

    [Fact]
    public void Token_ResolvesServerNamespaceCaAndToken()
    {
        var config = KubeConfigLoader.FromYaml(Kubeconfig("    token: abc123"));

        Assert.Equal(new Uri("https://127.0.0.1:6443"), config.Server);
        Assert.Equal("team-a", config.Namespace);
        Assert.Equal("dev", config.ContextName);
        Assert.Equal("abc123", config.Token);
        Assert.Equal(_certs.CaPem, config.CertificateAuthorityPem);
        Assert.False(config.InsecureSkipTlsVerify);
    }

    [Fact]
    public void ExplicitContext_OverridesCurrentContext_NamespaceDefaults()
    {
        var config = KubeConfigLoader.FromYaml(Kubeconfig("    token: abc123"), context: "other");
        Assert.Equal("other", config.ContextName);
        Assert.Equal("default", config.Namespace);
    }

    [Fact]
    public void ClientCertificateData_DecodedToPem()
    {
        var config = KubeConfigLoader.FromYaml(Kubeconfig($"""
                client-certificate-data: {TestCertificates.Base64(_certs.ClientPem)}
                client-key-data: {TestCertificates.Base64(_certs.ClientKeyPem)}
            """));
        Assert.Equal(_certs.ClientPem, config.ClientCertificatePem);
        Assert.Equal(_certs.ClientKeyPem, config.ClientKeyPem);
    }

    [Fact]
    public void FilePaths_ResolveAgainstTheKubeconfigDirectory()
    {
        Write("pki/client.crt", _certs.ClientPem);
        Write("pki/client.key", _certs.ClientKeyPem);
        Write("pki/ca.crt", _certs.CaPem);
        var path = Write("config", $"""
            current-context: c
            clusters:
            - name: k
              cluster:
                server: https://kube.example:443
                certificate-authority: pki/ca.crt
                tls-server-name: api.internal
            contexts:
            - name: c
              context: {"{"}cluster: k, user: u{"}"}
            users:
            - name: u
              user:
                client-certificate: pki/client.crt
                client-key: pki/client.key
                tokenFile: pki/token
            """);

        var config = KubeConfigLoader.FromFiles([path]);

        Assert.Equal(_certs.ClientPem, config.ClientCertificatePem);
        Assert.Equal(_certs.ClientKeyPem, config.ClientKeyPem);
        Assert.Equal(_certs.CaPem, config.CertificateAuthorityPem);
        Assert.Equal("api.internal", config.TlsServerName);
        Assert.Equal(Path.Combine(_dir, "pki", "token"), config.TokenFile);
    }

    [Fact]
    public void InsecureSkipTlsVerify_AndBasicAuth()
    {
        var config = KubeConfigLoader.FromYaml("""
            current-context: c
            clusters: [{name: k, cluster: {server: "https://10.0.0.1", insecure-skip-tls-verify: true}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            users: [{name: u, user: {username: admin, password: secret}}]
            """);
        Assert.True(config.InsecureSkipTlsVerify);
        Assert.Null(config.CertificateAuthorityPem);
        Assert.Equal("admin", config.Username);
        Assert.Equal("secret", config.Password);
    }

    [Fact]
    public void Exec_ReadsCommandArgsEnvAndApiVersion()
    {
        var config = KubeConfigLoader.FromYaml(Kubeconfig("""
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: kubelogin
                  args: [get-token, --server-id, "6dae42f8"]
                  env:
                  - name: AAD_LOGIN_METHOD
                    value: workloadidentity
                  installHint: install kubelogin
                  provideClusterInfo: true
            """), baseDirectory: _dir);

        var exec = Assert.IsType<ExecConfig>(config.Exec);
        Assert.Equal("client.authentication.k8s.io/v1beta1", exec.ApiVersion);
        Assert.Equal("kubelogin", exec.Command);
        Assert.Equal(["get-token", "--server-id", "6dae42f8"], exec.Args);
        Assert.Equal("workloadidentity", exec.Env["AAD_LOGIN_METHOD"]);
        Assert.True(exec.ProvideClusterInfo);
        Assert.Equal(_dir, exec.BaseDirectory);
    }

    [Fact]
    public async Task ProxyUrlAndImpersonation_AreApplied()
    {
        var config = KubeConfigLoader.FromYaml("""
            current-context: c
            clusters: [{name: k, cluster: {server: "https://10.0.0.1", proxy-url: "http://proxy.corp:3128"}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            users: [{name: u, user: {token: t, as: jane, as-groups: [devs, ops]}}]
            """);
        Assert.Equal(new Uri("http://proxy.corp:3128"), config.ProxyUrl);

        using var server = new Fakes.FakeApiServer();
        using var client = new KubernetesClient(config, server, null, null);
        server.RespondJson(System.Net.HttpStatusCode.OK, """{"gitVersion":"v1.20.2"}""");
        await client.GetServerVersionAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal("jane", request.ImpersonateUser);
        Assert.Equal("devs,ops", request.ImpersonateGroups);
        Assert.Equal("Bearer t", request.Authorization);
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "no current context", "current-context: \"\"\nclusters: []\ncontexts: []\nusers: []", "no current-context is set" },
        { "unknown context", "current-context: nope\ncontexts: [{name: c, context: {cluster: k}}]", "context 'nope' is not defined (contexts: c)" },
        { "unknown cluster", "current-context: c\ncontexts: [{name: c, context: {cluster: k}}]", "refers to cluster 'k', which is not defined" },
        { "unknown user", "current-context: c\nclusters: [{name: k, cluster: {server: https://a}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]", "refers to user 'u', which is not defined" },
        { "server not a URL", "current-context: c\nclusters: [{name: k, cluster: {server: '127.0.0.1:6443'}}]\ncontexts: [{name: c, context: {cluster: k}}]", "is not an http(s) URL" },
        { "bad base64", "current-context: c\nclusters: [{name: k, cluster: {server: https://a, certificate-authority-data: '%%%'}}]\ncontexts: [{name: c, context: {cluster: k}}]", "certificate-authority-data is not base64" },
        { "auth-provider", "current-context: c\nclusters: [{name: k, cluster: {server: https://a}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nusers: [{name: u, user: {auth-provider: {name: gcp}}}]", "switch to an exec plugin" },
        { "exec without apiVersion", "current-context: c\nclusters: [{name: k, cluster: {server: https://a}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nusers: [{name: u, user: {exec: {command: x}}}]", "exec has no apiVersion" },
        { "not YAML", "clusters: [", "not a valid kubeconfig at line" },
        { "bad proxy", "current-context: c\nclusters: [{name: k, cluster: {server: https://a, proxy-url: 'ftp://p'}}]\ncontexts: [{name: c, context: {cluster: k}}]", "proxy-url 'ftp://p' is not an http(s) or socks5 URL" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_ReportsWhatAndHowToFix(string caseName, string yaml, string expected)
    {
        var e = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.FromYaml(yaml));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{caseName}: {e.Message}");
    }

    [Fact]
    public void FromFiles_MergesFirstDefinitionWins()
    {
        var first = Write("a.yaml", """
            current-context: from-a
            clusters: [{name: shared, cluster: {server: "https://first"}}]
            contexts: [{name: from-a, context: {cluster: shared, user: u}}]
            """);
        var second = Write("b.yaml", """
            current-context: from-b
            clusters: [{name: shared, cluster: {server: "https://second"}}]
            contexts: [{name: from-b, context: {cluster: shared, user: u}}]
            users: [{name: u, user: {token: t}}]
            """);

        var config = KubeConfigLoader.FromFiles([first, second]);

        Assert.Equal("from-a", config.ContextName);
        Assert.Equal(new Uri("https://first"), config.Server);
        Assert.Equal("t", config.Token);
    }

    [Fact]
    public void Load_PrefersExplicitPath_ThenKubeconfigVariable_ThenHome_ThenInCluster()
    {
        var home = Path.Combine(_dir, "home");
        var explicitPath = Write("explicit", Minimal("https://explicit"));
        var variablePath = Write("variable", Minimal("https://variable"));
        var homePath = Write("home/.kube/config", Minimal("https://home"));
        var inCluster = InClusterRoot();
        var env = new Dictionary<string, string?>
        {
            ["KUBECONFIG"] = Path.Combine(_dir, "missing") + Path.PathSeparator + variablePath,
            ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1",
            ["KUBERNETES_SERVICE_PORT"] = "443",
        };
        string? Env(string name) => env.GetValueOrDefault(name);

        Assert.Equal("https://explicit/", KubeConfigLoader.Load(explicitPath, null, Env, home, inCluster).Server.ToString());
        Assert.Equal("https://variable/", KubeConfigLoader.Load(null, null, Env, home, inCluster).Server.ToString());
        env["KUBECONFIG"] = null;
        Assert.Equal("https://home/", KubeConfigLoader.Load(null, null, Env, home, inCluster).Server.ToString());
        File.Delete(homePath);
        Assert.Equal("https://10.96.0.1/", KubeConfigLoader.Load(null, null, Env, home, inCluster).Server.ToString());
        env["KUBECONFIG"] = Path.Combine(_dir, "missing");
        var e = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(null, null, Env, home, inCluster));
        Assert.Contains("names no existing file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExplicitPathIsADirectory_SaysSo()
    {
        var e = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(_dir, null, _ => null, _dir, Path.Combine(_dir, "nothing")));

        Assert.Equal($"kubeconfig '{_dir}' is a directory: pass the kubeconfig file itself to --kubeconfig.", e.Message);
    }

    [Fact]
    public void InCluster_ReadsServiceAccount()
    {
        var root = InClusterRoot();
        var env = new Dictionary<string, string?> { ["KUBERNETES_SERVICE_HOST"] = "fd00::1", ["KUBERNETES_SERVICE_PORT"] = "6443" };

        var config = KubeConfigLoader.InCluster(name => env.GetValueOrDefault(name), root);

        Assert.Equal(new Uri("https://[fd00::1]:6443"), config.Server);
        Assert.Equal("spin-system", config.Namespace);
        Assert.Equal(Path.Combine(root, "token"), config.TokenFile);
        Assert.Equal(_certs.CaPem, config.CertificateAuthorityPem);
    }

    [Fact]
    public void InCluster_WithoutToken_SaysHowToMountIt()
    {
        var env = new Dictionary<string, string?> { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1", ["KUBERNETES_SERVICE_PORT"] = "443" };
        var e = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.InCluster(name => env.GetValueOrDefault(name), Path.Combine(_dir, "nothing")));
        Assert.Contains("automountServiceAccountToken", e.Message, StringComparison.Ordinal);
    }

    private string InClusterRoot()
    {
        Write("sa/token", "sa-token\n");
        Write("sa/ca.crt", _certs.CaPem);
        Write("sa/namespace", "spin-system");
        return Path.Combine(_dir, "sa");
    }

    private static string Minimal(string server) => $"""
        current-context: c
        clusters: [{"{"}name: k, cluster: {"{"}server: "{server}"{"}"}{"}"}]
        contexts: [{"{"}name: c, context: {"{"}cluster: k{"}"}{"}"}]
        """;
}
