namespace Spindle.Kubernetes.Config;

public static partial class KubeConfigLoader
{
    private const string InClusterRoot = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>True inside a pod: KUBERNETES_SERVICE_HOST is set and the service account token is mounted.</summary>
    public static bool IsInCluster =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")) && File.Exists(Path.Combine(InClusterRoot, "token"));

    /// <summary>The pod's service account: token (re-read as it rotates), CA, namespace, and the kubernetes Service address.</summary>
    public static KubernetesClientConfiguration InCluster() => InCluster(Environment.GetEnvironmentVariable, InClusterRoot);

    internal static KubernetesClientConfiguration InCluster(Func<string, string?> environment, string root)
    {
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
            throw new KubeConfigException("not in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set.");
        var tokenFile = Path.Combine(root, "token");
        if (!File.Exists(tokenFile))
            throw new KubeConfigException($"in-cluster: service account token '{tokenFile}' is missing: set automountServiceAccountToken: true on the pod.");

        var caFile = Path.Combine(root, "ca.crt");
        var namespaceFile = Path.Combine(root, "namespace");
        var @namespace = environment("POD_NAMESPACE");
        if (string.IsNullOrEmpty(@namespace) && File.Exists(namespaceFile)) @namespace = File.ReadAllText(namespaceFile).Trim();

        // An IPv6 service address needs brackets in a URL.
        var hostPart = host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host;
        return new KubernetesClientConfiguration
        {
            Server = new Uri("https://" + hostPart + ":" + port),
            ContextName = "in-cluster",
            Namespace = string.IsNullOrEmpty(@namespace) ? "default" : @namespace,
            TokenFile = tokenFile,
            CertificateAuthorityPem = File.Exists(caFile) ? File.ReadAllText(caFile) : null,
        };
    }
}
