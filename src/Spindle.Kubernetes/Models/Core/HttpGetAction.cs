namespace Spindle.Kubernetes.Models.Core;

/// <summary>core/v1 HTTPGetAction.</summary>
public sealed class HttpGetAction
{
    public string? Path { get; set; }

    public IntOrString Port { get; set; }

    public string? Host { get; set; }

    public string? Scheme { get; set; }

    public IList<HttpHeader>? HttpHeaders { get; set; }
}
