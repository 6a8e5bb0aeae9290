namespace Spindle.Kubernetes;

/// <summary>How the garbage collector treats dependents of a deleted object.</summary>
public enum PropagationPolicy
{
    /// <summary>Delete now; dependents are collected in the background.</summary>
    Background,

    /// <summary>The object stays (with the foregroundDeletion finalizer) until its blocking dependents are gone.</summary>
    Foreground,

    /// <summary>Dependents lose their owner reference and stay.</summary>
    Orphan,
}
