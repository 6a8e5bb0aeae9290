namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 HTTPHeader.</summary>
public sealed class HttpHeader
{
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";
}
