namespace Spindle.Spin.Manifest;

/// <summary>A <c>files</c> entry: a glob pattern (mounted at the same relative path) or <c>{ source, destination }</c>.</summary>
public sealed record FileMount(string? Pattern, string? Source = null, string? Destination = null)
{
    public bool IsPattern => Pattern is not null;
}
