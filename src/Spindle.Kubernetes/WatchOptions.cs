namespace Spindle.Kubernetes;

/// <summary>A watch: where to start and what to receive.</summary>
public sealed record WatchOptions
{
    /// <summary>The resourceVersion to resume after (from a list or the last event). Null starts with synthetic ADDED events for every object.</summary>
    public string? ResourceVersion { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Ask for BOOKMARK events, so a resume after a quiet period does not fall into 410 Gone.</summary>
    public bool AllowWatchBookmarks { get; init; } = true;

    /// <summary>How long the server keeps the stream open; the informer reconnects after it ends.</summary>
    public int? TimeoutSeconds { get; init; }
}
