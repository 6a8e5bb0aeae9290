namespace Spindle.Kubernetes;

/// <summary>Options of create, update and patch.</summary>
public sealed record WriteOptions
{
    /// <summary>Who owns the fields written (managedFields); "spin-operator" for the operator.</summary>
    public string? FieldManager { get; init; }

    /// <summary>Validate and admit, but do not persist.</summary>
    public bool DryRun { get; init; }
}
