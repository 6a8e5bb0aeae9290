namespace Spindle.Oci.Distribution;

/// <summary>How a registry client talks to registries. Defaults are safe for public registries.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Plain HTTP instead of HTTPS (`-k/--insecure`), for local registries.</summary>
    public bool Insecure { get; init; }

    /// <summary>Retries after a transient failure (5xx, 429, connection reset); 4xx answers are never retried.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; it doubles on each retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Blobs larger than this are uploaded in chunks of this size (bounded memory); smaller ones in one PUT.</summary>
    public int ChunkSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>Largest manifest accepted: distribution's own limit (4 MiB).</summary>
    public int MaxManifestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Largest config blob read into memory (the pre-2.0 layout carries the locked app there).</summary>
    public int MaxConfigBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Blobs transferred at once.</summary>
    public int MaxParallelTransfers { get; init; } = 4;

    /// <summary>Time for each request to answer with headers.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The HTTP handler; null for a new SocketsHttpHandler (tests pass one that injects faults).</summary>
    public HttpMessageHandler? Handler { get; init; }
}
