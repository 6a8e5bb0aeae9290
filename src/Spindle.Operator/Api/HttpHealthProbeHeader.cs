using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>A header of an HTTP probe request.</summary>
public sealed class HttpHealthProbeHeader
{
    [CrdRequired]
    public string Name { get; set; } = "";

    [CrdRequired]
    public string Value { get; set; } = "";
}
