namespace Spindle.Kubernetes;

/// <summary>Server-side apply: the field manager is required; Force takes fields other managers own.</summary>
public sealed record ApplyOptions(string FieldManager, bool Force = false)
{
    public bool DryRun { get; init; }
}
