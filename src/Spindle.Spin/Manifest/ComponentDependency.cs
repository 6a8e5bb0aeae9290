namespace Spindle.Spin.Manifest;

/// <summary>How one import of a component is satisfied (<c>[component.&lt;id&gt;.dependencies]</c>).</summary>
public sealed class ComponentDependency
{
    public ComponentDependencyKind Kind { get; init; }

    public string? Version { get; init; }

    public string? Registry { get; init; }

    public string? Package { get; init; }

    public string? Export { get; init; }

    public string? Path { get; init; }

    public string? Url { get; init; }

    public string? Digest { get; init; }

    public string? Component { get; init; }

    /// <summary><c>inherit_configuration = true</c>.</summary>
    public bool InheritAll { get; init; }

    /// <summary><c>inherit_configuration = ["ai_models", ...]</c>; empty when not a list.</summary>
    public IReadOnlyList<string> InheritConfigurations { get; init; } = [];
}
