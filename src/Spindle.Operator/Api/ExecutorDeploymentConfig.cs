using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>How the operator builds an app's Deployment: a shim runtime class or a "spintainer" image.</summary>
public sealed class ExecutorDeploymentConfig
{
    [CrdDescription("RuntimeClassName is the runtime class of the app pods (for containerd-shim-spin); exclusive with spinImage.")]
    public string? RuntimeClassName { get; set; }

    [CrdDescription("SpinImage is a container image that runs Spin itself (spintainer); app images must then be public.")]
    public string? SpinImage { get; set; }

    [CrdDescription("CACertSecret names a Secret with a ca-certificates.crt key mounted as the pods' CA bundle.")]
    public string? CaCertSecret { get; set; }

    [CrdDescription("InstallDefaultCACerts makes the operator create a default CA bundle Secret (spin-ca when caCertSecret is unset).")]
    public bool InstallDefaultCACerts { get; set; }

    [CrdDescription("Otel configures the OpenTelemetry exporter of the app.")]
    public OtelConfig? Otel { get; set; }
}
