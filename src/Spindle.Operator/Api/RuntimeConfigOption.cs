using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>One key of a runtime config table, with a literal value or one read from a ConfigMap or Secret.</summary>
public sealed class RuntimeConfigOption
{
    [CrdRequired]
    [CrdDescription("Name of the config option.")]
    public string Name { get; set; } = "";

    [CrdDescription("Value is the static value of the option.")]
    public string? Value { get; set; }

    [CrdDescription("ValueFrom reads the value from a ConfigMap or Secret key.")]
    public RuntimeConfigVarSource? ValueFrom { get; set; }
}
