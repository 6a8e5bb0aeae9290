namespace Spindle.Kubernetes.Config;

/// <summary>
/// Everything needed to reach one API server as one user, resolved from a kubeconfig context or the
/// in-cluster service account. PEM material is held as text (files are read when the configuration is loaded).
/// </summary>
public sealed record KubernetesClientConfiguration
{
    /// <summary>https://host:port of the API server.</summary>
    public required Uri Server { get; init; }

    /// <summary>The context's namespace ("default" when it names none).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The kubeconfig context this came from, or "in-cluster".</summary>
    public string? ContextName { get; init; }

    public string? Token { get; init; }

    /// <summary>Re-read now and then: projected service account tokens rotate.</summary>
    public string? TokenFile { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>PEM of the CA(s) that sign the API server's certificate; null uses the system trust store.</summary>
    public string? CertificateAuthorityPem { get; init; }

    public string? ClientCertificatePem { get; init; }

    public string? ClientKeyPem { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name to verify the server certificate against when it differs from the server's host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>clusters[].cluster.proxy-url: an HTTP(S) proxy for this cluster only (otherwise HTTPS_PROXY/NO_PROXY apply).</summary>
    public Uri? ProxyUrl { get; init; }

    /// <summary>users[].user.as / as-groups: impersonate this user (Impersonate-User / Impersonate-Group headers).</summary>
    public string? Impersonate { get; init; }

    public IReadOnlyList<string> ImpersonateGroups { get; init; } = [];

    /// <summary>A credential plugin (AKS kubelogin, gke-gcloud-auth-plugin) run to obtain a token or client certificate.</summary>
    public ExecConfig? Exec { get; init; }

    /// <summary>Timeout of every request except watches.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
