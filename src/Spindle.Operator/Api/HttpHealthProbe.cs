using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>The path and headers of an HTTP probe.</summary>
public sealed class HttpHealthProbe
{
    [CrdRequired]
    [CrdDescription("Path is the path the probe requests.")]
    public string Path { get; set; } = "";

    [CrdDescription("HttpHeaders are headers sent with the probe request.")]
    public IList<HttpHealthProbeHeader>? HttpHeaders { get; set; }
}
