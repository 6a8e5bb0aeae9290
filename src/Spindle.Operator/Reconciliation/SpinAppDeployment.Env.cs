using System.Globalization;
using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

internal static partial class SpinAppDeployment
{
    /// <summary>
    /// The container's environment, in spin-operator's order: variables, SPIN_HTTP_LISTEN_ADDR, OTEL_* (non-empty
    /// only), SPIN_MAX_INSTANCE_MEMORY, SPIN_COMPONENTS_TO_RETAIN.
    /// </summary>
    public static List<EnvVar> ConstructEnv(SpinApp app, ExecutorDeploymentConfig config)
    {
        var env = new List<EnvVar>();
        foreach (var variable in app.Spec.Variables ?? [])
        {
            env.Add(new EnvVar
            {
                Name = "SPIN_VARIABLE_" + variable.Name.ToUpperInvariant(),
                Value = variable.Value,
                ValueFrom = variable.ValueFrom,
            });
        }

        env.Add(new EnvVar { Name = "SPIN_HTTP_LISTEN_ADDR", Value = "0.0.0.0:" + HttpPort.ToString(CultureInfo.InvariantCulture) });
        if (config.Otel is { } otel)
        {
            AddIfSet(env, "OTEL_EXPORTER_OTLP_ENDPOINT", otel.ExporterOtlpEndpoint);
            AddIfSet(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", otel.ExporterOtlpTracesEndpoint);
            AddIfSet(env, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", otel.ExporterOtlpMetricsEndpoint);
            AddIfSet(env, "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", otel.ExporterOtlpLogsEndpoint);
        }

        if (app.Spec.InvocationLimits is { } limits && limits.TryGetValue("memory", out var memory))
        {
            if (!Quantity.TryParse(memory, out var bytes))
            {
                throw new ReconcileException(
                    $"spec.invocationLimits[memory]: '{memory}' is not a quantity: use a memory size such as 128Mi or 1Gi");
            }

            env.Add(new EnvVar
            {
                Name = "SPIN_MAX_INSTANCE_MEMORY",
                Value = Quantity.CeilingValue(bytes).ToString(CultureInfo.InvariantCulture),
            });
        }

        if (app.Spec.Components is { } components)
        {
            env.Add(new EnvVar { Name = "SPIN_COMPONENTS_TO_RETAIN", Value = string.Join(',', components) });
        }

        return env;
    }

    private static void AddIfSet(List<EnvVar> env, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) env.Add(new EnvVar { Name = name, Value = value });
    }
}
