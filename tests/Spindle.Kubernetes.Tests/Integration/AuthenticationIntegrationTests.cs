using Spindle.Kubernetes.Config;
using Spindle.Kubernetes.Tests.Fixtures;

namespace Spindle.Kubernetes.Tests.Integration;

/// <summary>kubeconfig variants against the real API server.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuthenticationIntegrationTests : IDisposable
{
    private readonly ClusterFixture _cluster;
    private readonly string _dir = Directory.CreateTempSubdirectory("spindle-auth-").FullName;

    public AuthenticationIntegrationTests(ClusterFixture cluster) => _cluster = cluster;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresFact(Requirement.Kubernetes)]
    public async Task ExecPlugin_TokenAccepted_WithCaFileAndMergedKubeconfig()
    {
        var real = KubeConfigLoader.Load(Requirements.KubeConfig);
        Assert.NotNull(real.Token);
        File.WriteAllText(Path.Combine(_dir, "ca.crt"), real.CertificateAuthorityPem);
        var plugin = Path.Combine(_dir, "bin", "token-plugin");
        Directory.CreateDirectory(Path.GetDirectoryName(plugin)!);
        File.WriteAllText(plugin, $$$"""
            #!/bin/sh
            echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"{{{real.Token}}}"}}'
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // Cluster in one file, context and user in another: KUBECONFIG-style merging; relative paths per file.
        var clusters = Path.Combine(_dir, "clusters.yaml");
        File.WriteAllText(clusters, $"""
            clusters:
            - name: real
              cluster:
                server: {real.Server}
                certificate-authority: ca.crt
            """);
        var users = Path.Combine(_dir, "users.yaml");
        File.WriteAllText(users, $"""
            current-context: exec
            contexts:
            - name: exec
              context: {"{"}cluster: real, user: plugin, namespace: {_cluster.Namespace}{"}"}
            users:
            - name: plugin
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./bin/token-plugin
            """);

        using var client = new KubernetesClient(KubeConfigLoader.FromFiles([users, clusters]));
        Assert.Equal(_cluster.Namespace, client.DefaultNamespace);
        var list = await client.Resource(ApiResource.ConfigMaps, TestJsonContext.Default.TestConfigMap).ListAsync(client.DefaultNamespace);
        Assert.NotNull(list.Metadata.ResourceVersion);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task WrongToken_IsUnauthorized()
    {
        var config = KubeConfigLoader.Load(Requirements.KubeConfig) with { Token = "not-a-token" };
        using var client = new KubernetesClient(config);
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetServerVersionAsync());
        Assert.Equal(401, e.Status.Code);
    }

    [RequiresFact(Requirement.Kubernetes)]
    public async Task WrongCa_IsRefused()
    {
        using var other = new TestCertificates();
        var config = KubeConfigLoader.Load(Requirements.KubeConfig) with { CertificateAuthorityPem = other.CaPem };
        using var client = new KubernetesClient(config);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetServerVersionAsync());
    }
}
