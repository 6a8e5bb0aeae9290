namespace Spindle.Spin.Locked;

/// <summary>How <see cref="ManifestLocker"/> makes component files available.</summary>
public sealed record LockOptions
{
    /// <summary>
    /// Copy strategy (Spin's default): each component's files are copied to <c>&lt;root&gt;/&lt;component-id&gt;</c>
    /// and that directory is mounted at <c>/</c>. Null means a new directory under the system temp directory.
    /// </summary>
    public string? FilesMountRoot { get; init; }

    /// <summary>Mount the source directories directly (<c>--direct-mounts</c>); <c>exclude_files</c> is then an error.</summary>
    public bool DirectMounts { get; init; }
}
