namespace Spindle.Kubernetes.Config;

/// <summary>A kubeconfig, in-cluster environment or credential plugin could not be used; the message names the file, entry and fix.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException()
    {
    }

    public KubeConfigException(string message) : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
