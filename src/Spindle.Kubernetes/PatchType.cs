namespace Spindle.Kubernetes;

/// <summary>The patch formats the API server accepts, by Content-Type.</summary>
public enum PatchType
{
    /// <summary>application/merge-patch+json (RFC 7386): null removes a field, lists are replaced.</summary>
    Merge,

    /// <summary>application/json-patch+json (RFC 6902).</summary>
    Json,

    /// <summary>application/strategic-merge-patch+json (built-in kinds only, not custom resources).</summary>
    StrategicMerge,

    /// <summary>application/apply-patch+yaml: server-side apply; the body is the full intent (JSON is YAML).</summary>
    Apply,
}
