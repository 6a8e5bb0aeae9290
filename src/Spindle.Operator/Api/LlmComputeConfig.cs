using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>The [llm_compute] table of the runtime config.</summary>
public sealed class LlmComputeConfig
{
    [CrdRequired]
    public string Type { get; set; } = "";

    public IList<RuntimeConfigOption>? Options { get; set; }
}
