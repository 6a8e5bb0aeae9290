using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>The app's readiness and liveness probes.</summary>
public sealed class HealthChecks
{
    [CrdDescription("Readiness probe: when the app can receive traffic.")]
    public HealthProbe? Readiness { get; set; }

    [CrdDescription("Liveness probe: when the app must be restarted.")]
    public HealthProbe? Liveness { get; set; }
}
