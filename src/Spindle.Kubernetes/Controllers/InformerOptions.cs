namespace Spindle.Kubernetes.Controllers;

/// <summary>What an informer caches and how often it replays its cache.</summary>
public sealed record InformerOptions
{
    /// <summary>Null watches all namespaces (or a cluster-scoped resource).</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Every period, Updated(obj, obj) for each cached object, so missed work is redone. Null: never.</summary>
    public TimeSpan? ResyncPeriod { get; init; }

    /// <summary>Page size of the initial list.</summary>
    public int ListPageSize { get; init; } = 500;

    /// <summary>Server-side timeout of one watch; each watch picks a random value between this and twice this (as client-go).</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First delay after a failed list or watch; doubles up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
