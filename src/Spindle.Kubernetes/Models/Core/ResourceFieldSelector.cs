namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 ResourceFieldSelector: a container's resource limit or request.</summary>
public sealed class ResourceFieldSelector
{
    public string? ContainerName { get; set; }

    public string Resource { get; set; } = "";

    public IntOrString? Divisor { get; set; }
}
