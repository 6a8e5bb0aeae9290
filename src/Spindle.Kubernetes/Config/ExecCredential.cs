using System.Text.Json.Serialization;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes.Config;

/// <summary>The JSON a credential plugin prints on stdout (client.authentication.k8s.io ExecCredential).</summary>
internal sealed class ExecCredential
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ExecCredentialSpec? Spec { get; set; }

    public ExecCredentialStatus? Status { get; set; }
}

internal sealed class ExecCredentialSpec
{
    public bool Interactive { get; set; }

    public ExecCluster? Cluster { get; set; }
}

internal sealed class ExecCluster
{
    public string? Server { get; set; }

    public string? TlsServerName { get; set; }

    public bool? InsecureSkipTlsVerify { get; set; }

    public string? CertificateAuthorityData { get; set; }
}

internal sealed class ExecCredentialStatus
{
    public string? Token { get; set; }

    public string? ClientCertificateData { get; set; }

    public string? ClientKeyData { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? ExpirationTimestamp { get; set; }
}
