namespace Spindle.Oci.Artifact;

/// <summary>How a locked app becomes an OCI artifact; the defaults are Spin's.</summary>
public sealed record SpinArtifactOptions
{
    /// <summary>`--annotation k=v` values; they win over the inferred ones.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Infer title, version, description, authors and created from the app metadata (Spin's default).</summary>
    public bool InferAnnotations { get; init; } = true;

    /// <summary>One tar+gzip layer per component files directory instead of a layer per file (Spin: env SPIN_OCI_ARCHIVE_LAYERS).</summary>
    public bool ArchiveLayers { get; init; }

    /// <summary>Content of at most this many bytes is inlined (base64) in the locked app; inlined files get no layer.</summary>
    public int InlineMaxSize { get; init; } = 128;

    /// <summary>The clock of the `org.opencontainers.image.created` annotation.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
