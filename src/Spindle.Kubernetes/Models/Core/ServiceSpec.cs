namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 ServiceSpec: the fields a SpinApp's Service sets (type, ports, selector) and the allocated clusterIP.</summary>
public sealed class ServiceSpec
{
    public string? Type { get; set; }

    public IList<ServicePort>? Ports { get; set; }

    public IDictionary<string, string>? Selector { get; set; }

    public string? ClusterIP { get; set; }
}
