namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 Container, the fields the operator sets.</summary>
public sealed class Container
{
    public string Name { get; set; } = "";

    public string? Image { get; set; }

    public IList<string>? Command { get; set; }

    public IList<string>? Args { get; set; }

    public IList<ContainerPort>? Ports { get; set; }

    public IList<EnvVar>? Env { get; set; }

    public IList<VolumeMount>? VolumeMounts { get; set; }

    public ResourceRequirements? Resources { get; set; }

    public Probe? LivenessProbe { get; set; }

    public Probe? ReadinessProbe { get; set; }
}
