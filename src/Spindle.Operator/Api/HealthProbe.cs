using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>An HTTP probe with Kubernetes' timing fields and SpinKube's defaults.</summary>
public sealed class HealthProbe
{
    [CrdDescription("HttpGet is the HTTP request the probe sends to the app (port 80).")]
    public HttpHealthProbe? HttpGet { get; set; }

    [CrdDefault(10)]
    public int InitialDelaySeconds { get; set; } = 10;

    [CrdDefault(1)]
    public int TimeoutSeconds { get; set; } = 1;

    [CrdDefault(10)]
    public int PeriodSeconds { get; set; } = 10;

    [CrdDefault(1)]
    public int SuccessThreshold { get; set; } = 1;

    [CrdDefault(3)]
    public int FailureThreshold { get; set; } = 3;
}
