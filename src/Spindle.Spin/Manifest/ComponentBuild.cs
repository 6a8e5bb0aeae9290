namespace Spindle.Spin.Manifest;

/// <summary><c>[component.&lt;id&gt;.build]</c>: commands run in order by <c>spindle build</c>.</summary>
public sealed class ComponentBuild
{
    /// <summary>The command(s); a string <c>command</c> is a list of one.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>True when <c>command</c> was written as a list.</summary>
    public bool IsCommandList { get; init; }

    /// <summary>Relative to the manifest directory; null means the manifest directory.</summary>
    public string? Workdir { get; init; }

    /// <summary>Globs (relative to the workdir) that <c>spin watch</c> rebuilds on.</summary>
    public IReadOnlyList<string> Watch { get; init; } = [];
}
