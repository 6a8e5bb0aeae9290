namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 Probe with an HTTP GET handler (the only kind SpinApp checks produce).</summary>
public sealed class Probe
{
    public HttpGetAction? HttpGet { get; set; }

    public int? InitialDelaySeconds { get; set; }

    public int? TimeoutSeconds { get; set; }

    public int? PeriodSeconds { get; set; }

    public int? SuccessThreshold { get; set; }

    public int? FailureThreshold { get; set; }
}
