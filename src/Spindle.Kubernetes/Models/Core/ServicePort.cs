namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 ServicePort.</summary>
public sealed class ServicePort
{
    public string? Name { get; set; }

    public string? Protocol { get; set; }

    public int Port { get; set; }

    public IntOrString? TargetPort { get; set; }
}
