using Spindle.Kubernetes.Models.Core;
using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>A Spin variable: a literal value or one read like an environment variable's valueFrom.</summary>
public sealed class SpinVar
{
    [CrdRequired]
    [CrdDescription("Name of the variable.")]
    public string Name { get; set; } = "";

    [CrdDescription("Value of the variable.")]
    public string? Value { get; set; }

    [CrdDescription("ValueFrom reads the value from a ConfigMap, Secret, pod field or resource.")]
    public EnvVarSource? ValueFrom { get; set; }
}
