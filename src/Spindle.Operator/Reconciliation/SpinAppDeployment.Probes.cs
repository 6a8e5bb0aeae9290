using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

internal static partial class SpinAppDeployment
{
    /// <summary>A SpinApp health check as a pod probe: HTTP GET on port 80 with the check's timings; null for none.</summary>
    public static Probe? ToProbe(HealthProbe? check)
    {
        if (check is null) return null;
        if (check.HttpGet is null)
        {
            throw new ReconcileException("probe exists but with unknown configuration, expected httpGet");
        }

        List<HttpHeader>? headers = null;
        if (check.HttpGet.HttpHeaders is { } httpHeaders)
        {
            headers = [];
            foreach (var header in httpHeaders) headers.Add(new HttpHeader { Name = header.Name, Value = header.Value });
        }

        return new Probe
        {
            HttpGet = new HttpGetAction { Path = check.HttpGet.Path, Port = HttpPort, HttpHeaders = headers },
            InitialDelaySeconds = check.InitialDelaySeconds,
            TimeoutSeconds = check.TimeoutSeconds,
            PeriodSeconds = check.PeriodSeconds,
            SuccessThreshold = check.SuccessThreshold,
            FailureThreshold = check.FailureThreshold,
        };
    }
}
