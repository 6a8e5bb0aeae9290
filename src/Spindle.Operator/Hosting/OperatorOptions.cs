using System.Security.Cryptography.X509Certificates;

namespace Spindle.Operator.Hosting;

/// <summary>The manager's settings; the command line maps spin-operator's flags onto these.</summary>
internal sealed record OperatorOptions
{
    /// <summary>Metrics listen address (<c>:8443</c>, <c>127.0.0.1:0</c>); "0" turns metrics off.</summary>
    public string MetricsBindAddress { get; init; } = ":8080";

    /// <summary>Serve metrics over HTTPS with Kubernetes authentication and authorization (TokenReview, SubjectAccessReview).</summary>
    public bool MetricsSecure { get; init; } = true;

    /// <summary>/healthz and /readyz listen address; "0" turns them off.</summary>
    public string HealthProbeBindAddress { get; init; } = ":8082";

    /// <summary>Run the controllers only while holding the Lease <see cref="LeaderElectionId"/>.</summary>
    public bool LeaderElect { get; init; }

    public string LeaderElectionId { get; init; } = "90ba2d18.spinkube.dev";

    /// <summary>The Lease's namespace; the client's namespace (the pod's, in a cluster) when null.</summary>
    public string? LeaderElectionNamespace { get; init; }

    /// <summary>Serve the admission webhooks (HTTPS).</summary>
    public bool EnableWebhooks { get; init; }

    public string WebhookBindAddress { get; init; } = ":9443";

    /// <summary>Directory with tls.crt and tls.key (cert-manager's Secret mounted by the chart).</summary>
    public string WebhookCertDir { get; init; } = "/tmp/k8s-webhook-server/serving-certs";

    /// <summary>A certificate to serve webhooks with instead of <see cref="WebhookCertDir"/> (tests).</summary>
    public X509Certificate2? WebhookCertificate { get; init; }

    /// <summary>HTTP/2 for the webhook and metrics servers (off by default, as spin-operator, after CVE-2023-44487).</summary>
    public bool EnableHttp2 { get; init; }

    /// <summary>The CA bundle copied into spin-ca Secrets for executors with installDefaultCACerts.</summary>
    public string CaBundleFile { get; init; } = "/etc/ssl/certs/ca-certificates.crt";

    /// <summary>Reconcile the controllers (off: only webhooks and probes, for a webhook-only replica or tests).</summary>
    public bool RunControllers { get; init; } = true;
}
