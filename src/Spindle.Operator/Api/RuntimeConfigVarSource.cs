using Spindle.Kubernetes.Models.Core;

namespace Spindle.Operator.Api;

/// <summary>Where a runtime config option's value comes from: a ConfigMap key or a Secret key (same namespace).</summary>
public sealed class RuntimeConfigVarSource
{
    public ConfigMapKeySelector? ConfigMapKeyRef { get; set; }

    public SecretKeySelector? SecretKeyRef { get; set; }
}
