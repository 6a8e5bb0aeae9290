namespace Spindle.Oci;

/// <summary>What happened to one blob during a push or pull.</summary>
public enum TransferState
{
    Started,
    Transferring,
    /// <summary>The blob was already in the registry (push) or the cache (pull): nothing was sent.</summary>
    Skipped,
    /// <summary>The registry mounted the blob from another repository (push).</summary>
    Mounted,
    Completed,
}

/// <summary>Progress of one blob; reported through <see cref="IProgress{T}"/> so the CLI can draw bars or print lines.</summary>
public sealed record TransferProgress(string Digest, string MediaType, long Transferred, long Total, TransferState State);
