namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 EnvVarSource: exactly one of the references is set.</summary>
public sealed class EnvVarSource
{
    public ConfigMapKeySelector? ConfigMapKeyRef { get; set; }

    public SecretKeySelector? SecretKeyRef { get; set; }

    public ObjectFieldSelector? FieldRef { get; set; }

    public ResourceFieldSelector? ResourceFieldRef { get; set; }
}
