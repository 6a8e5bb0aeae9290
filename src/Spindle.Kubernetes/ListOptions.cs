namespace Spindle.Kubernetes;

/// <summary>Query of a list: selectors, paging (limit + continue) and the resourceVersion semantics.</summary>
public sealed record ListOptions
{
    /// <summary>"app=web,tier!=db", "environment in (prod)".</summary>
    public string? LabelSelector { get; init; }

    /// <summary>"metadata.name=x".</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Page size; the response's metadata.continue fetches the next page.</summary>
    public int? Limit { get; init; }

    public string? Continue { get; init; }

    /// <summary>"0" lets the server answer from its watch cache; null is a quorum read.</summary>
    public string? ResourceVersion { get; init; }
}
