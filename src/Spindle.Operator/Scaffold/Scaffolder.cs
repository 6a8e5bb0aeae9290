using System.Globalization;
using System.Text;

namespace Spindle.Operator.Scaffold;

/// <summary>
/// Renders the manifests of `spin kube scaffold`: a SpinApp, then optionally its runtime-config Secret and an
/// HPA or KEDA autoscaler, byte-for-byte as the plugin prints them (so existing golden files and docs hold).
/// </summary>
public static class Scaffolder
{
    /// <summary>Every problem with the options, each with `spin kube scaffold`'s wording; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(ScaffoldOptions options)
    {
        var errors = new List<string>();
        if (options.Replicas < 0)
        {
            errors.Add($"the minimum replica count ({options.Replicas}) must be greater than 0");
        }

        if (!ImageReference.TryParse(options.From, out _))
        {
            errors.Add($"invalid image reference provided: '{options.From}'");
        }

        if (options.Autoscaler.Length == 0) return errors;

        if (options.Autoscaler is not ("hpa" or "keda"))
        {
            errors.Add($"invalid autoscaler type '{options.Autoscaler}'; the autoscaler type must be either 'hpa' or 'keda'");
        }

        if (options.MaxReplicas < 0)
        {
            errors.Add($"the maximum replica count ({options.MaxReplicas}) must be equal to or greater than 0");
        }

        if (options.Replicas > options.MaxReplicas)
        {
            errors.Add($"the minimum replica count ({options.Replicas}) must be less than or equal to the maximum replica count ({options.MaxReplicas})");
        }

        if (options.CpuLimit.Length == 0) errors.Add("cpu limits must be set when autoscaling is enabled");
        if (options.MemoryLimit.Length == 0) errors.Add("memory limits must be set when autoscaling is enabled");
        if (options.AutoscalerTargetCpuUtilization is < 1 or > 100)
        {
            errors.Add($"target cpu utilization percentage ({options.AutoscalerTargetCpuUtilization}) must be between 1 and 100");
        }

        if (options.AutoscalerTargetMemoryUtilization is < 1 or > 100)
        {
            errors.Add($"target memory utilization percentage ({options.AutoscalerTargetMemoryUtilization}) must be between 1 and 100");
        }

        return errors;
    }

    /// <summary>The manifests as YAML text ending in a newline.</summary>
    /// <exception cref="ScaffoldException">The options are invalid; all problems are listed.</exception>
    public static string Render(ScaffoldOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0) throw new ScaffoldException(errors);

        ImageReference.TryParse(options.From, out var reference);
        var name = reference!.Name;
        var yaml = new StringBuilder();
        yaml.Append("apiVersion: core.spinkube.dev/v1alpha1\nkind: SpinApp\nmetadata:\n  name: ").Append(name).Append('\n');
        yaml.Append("spec:\n  image: \"").Append(options.From).Append("\"\n");
        yaml.Append("  executor: ").Append(options.Executor);
        if (options.Autoscaler.Length > 0)
        {
            yaml.Append("\n  enableAutoscaling: true");
        }
        else
        {
            yaml.Append("\n  replicas: ").Append(options.Replicas.ToString(CultureInfo.InvariantCulture));
        }

        if (options.AzureIdentity) yaml.Append("\n  podLabels:\n    azure.workload.identity/use: \"true\"");
        if (options.ServiceAccountName.Length > 0) yaml.Append("\n  serviceAccountName: ").Append(options.ServiceAccountName);
        AppendVariables(yaml, options.Variables);
        if (options.Components.Count > 0)
        {
            yaml.Append("\n  components:");
            foreach (var component in options.Components) yaml.Append("\n  - ").Append(component);
        }

        AppendResources(yaml, options);
        if (options.ImagePullSecrets.Count > 0)
        {
            yaml.Append("\n  imagePullSecrets:");
            foreach (var secret in options.ImagePullSecrets) yaml.Append("\n    - name: ").Append(secret);
        }

        if (options.RuntimeConfig is { Length: > 0 } runtimeConfig)
        {
            yaml.Append("\n  runtimeConfig:\n    loadFromSecret: ").Append(name).Append("-runtime-config");
            yaml.Append("\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ").Append(name).Append("-runtime-config");
            yaml.Append("\ntype: Opaque\ndata:\n  runtime-config.toml: ").Append(Convert.ToBase64String(runtimeConfig));
        }

        if (options.Autoscaler == "hpa") AppendHorizontalPodAutoscaler(yaml, name, options);
        if (options.Autoscaler == "keda") AppendScaledObject(yaml, name, options);
        return yaml.Append('\n').ToString();
    }

    private static void AppendVariables(StringBuilder yaml, IReadOnlyDictionary<string, string> variables)
    {
        if (variables.Count == 0) return;
        var names = new List<string>(variables.Keys);
        names.Sort(StringComparer.Ordinal);
        yaml.Append("\n  variables:");
        foreach (var variable in names)
        {
            yaml.Append("\n  - name: ").Append(variable).Append("\n    value: ").Append(variables[variable]);
        }
    }

    private static void AppendResources(StringBuilder yaml, ScaffoldOptions options)
    {
        // As the plugin does: requests appear only beside limits.
        if (options.CpuLimit.Length == 0 && options.MemoryLimit.Length == 0) return;
        yaml.Append("\n  resources:\n    limits:");
        if (options.CpuLimit.Length > 0) yaml.Append("\n      cpu: ").Append(options.CpuLimit);
        if (options.MemoryLimit.Length > 0) yaml.Append("\n      memory: ").Append(options.MemoryLimit);
        if (options.CpuRequest.Length == 0 && options.MemoryRequest.Length == 0) return;
        yaml.Append("\n    requests:");
        if (options.CpuRequest.Length > 0) yaml.Append("\n      cpu: ").Append(options.CpuRequest);
        if (options.MemoryRequest.Length > 0) yaml.Append("\n      memory: ").Append(options.MemoryRequest);
    }

    private static void AppendHorizontalPodAutoscaler(StringBuilder yaml, string name, ScaffoldOptions options)
    {
        yaml.Append("\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ").Append(name).Append("-autoscaler");
        AppendScaleTarget(yaml, name);
        yaml.Append("\n  minReplicas: ").Append(options.Replicas.ToString(CultureInfo.InvariantCulture));
        yaml.Append("\n  maxReplicas: ").Append(options.MaxReplicas.ToString(CultureInfo.InvariantCulture));
        yaml.Append("\n  metrics:");
        AppendResourceMetric(yaml, "cpu", options.AutoscalerTargetCpuUtilization);
        AppendResourceMetric(yaml, "memory", options.AutoscalerTargetMemoryUtilization);
    }

    private static void AppendResourceMetric(StringBuilder yaml, string resource, int utilization) =>
        yaml.Append("\n  - type: Resource\n    resource:\n      name: ").Append(resource)
            .Append("\n      target:\n        type: Utilization\n        averageUtilization: ")
            .Append(utilization.ToString(CultureInfo.InvariantCulture));

    private static void AppendScaledObject(StringBuilder yaml, string name, ScaffoldOptions options)
    {
        yaml.Append("\n---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: ").Append(name).Append("-autoscaler");
        AppendScaleTarget(yaml, name);
        yaml.Append("\n  minReplicaCount: ").Append(options.Replicas.ToString(CultureInfo.InvariantCulture));
        yaml.Append("\n  maxReplicaCount: ").Append(options.MaxReplicas.ToString(CultureInfo.InvariantCulture));
        yaml.Append("\n  triggers:");
        AppendTrigger(yaml, "cpu", options.AutoscalerTargetCpuUtilization);
        AppendTrigger(yaml, "memory", options.AutoscalerTargetMemoryUtilization);
    }

    private static void AppendTrigger(StringBuilder yaml, string type, int utilization) =>
        yaml.Append("\n  - type: ").Append(type).Append("\n    metricType: Utilization\n    metadata:\n      value: \"")
            .Append(utilization.ToString(CultureInfo.InvariantCulture)).Append('"');

    private static void AppendScaleTarget(StringBuilder yaml, string name) =>
        yaml.Append("\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ").Append(name);
}
