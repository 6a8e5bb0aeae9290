namespace Spindle.Spin.Manifest;

/// <summary><c>[component.&lt;id&gt;.profile.&lt;name&gt;]</c>: overrides used with <c>--profile</c>.</summary>
public sealed class ComponentProfile
{
    public ComponentSource? Source { get; init; }

    public ComponentBuild? Build { get; init; }
}
