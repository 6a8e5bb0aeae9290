namespace Spindle.Kubernetes.LeaderElection;

/// <summary>The Lease and timings of leader election (client-go's defaults).</summary>
public sealed record LeaderElectionOptions
{
    public required string LeaseName { get; init; }

    public required string Namespace { get; init; }

    /// <summary>Unique per process (pod name + random suffix).</summary>
    public required string Identity { get; init; }

    /// <summary>How long followers wait after the last renewal they saw before taking over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps retrying a failed renewal before it gives up leadership.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time between attempts to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>On cancellation, clear the holder so a successor need not wait for the lease to expire.</summary>
    public bool ReleaseOnCancel { get; init; } = true;
}
