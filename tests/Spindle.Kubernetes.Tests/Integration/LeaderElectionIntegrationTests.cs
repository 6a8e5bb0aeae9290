using Spindle.Kubernetes.LeaderElection;

namespace Spindle.Kubernetes.Tests.Integration;

/// <summary>Two electors competing for one Lease on the real API server.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LeaderElectionIntegrationTests
{
    private readonly ClusterFixture _cluster;

    public LeaderElectionIntegrationTests(ClusterFixture cluster) => _cluster = cluster;

    [RequiresFact(Requirement.Kubernetes)]
    public async Task TwoElectors_OneLeads_SecondTakesOverAfterRelease()
    {
        LeaderElectionOptions Options(string identity) => new()
        {
            LeaseName = "election",
            Namespace = _cluster.Namespace,
            Identity = identity,
            // Generous against a loaded CI machine; the hand-over itself is quick because a releases the lease.
            LeaseDuration = TimeSpan.FromSeconds(15),
            RenewDeadline = TimeSpan.FromSeconds(10),
            RetryPeriod = TimeSpan.FromMilliseconds(500),
        };

        var a = new LeaderElector(_cluster.Client, Options("a"));
        var b = new LeaderElector(_cluster.Client, Options("b"));
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var aLeads = new TaskCompletionSource();
        var bLeads = new TaskCompletionSource();
        var leaders = 0;
        var maxConcurrent = 0;

        async Task Lead(TaskCompletionSource started, CancellationToken leading)
        {
            var now = Interlocked.Increment(ref leaders);
            InterlockedMax(ref maxConcurrent, now);
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, leading);
            }
            finally
            {
                Interlocked.Decrement(ref leaders);
            }
        }

        var runA = a.RunAsync(ct => Lead(aLeads, ct), stopA.Token);
        await aLeads.Task.WaitAsync(timeout.Token);
        var runB = b.RunAsync(ct => Lead(bLeads, ct), stopB.Token);

        // b keeps retrying while a renews; give it several retry periods.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(bLeads.Task.IsCompleted);
        Assert.True(a.IsLeader);
        Assert.False(b.IsLeader);

        await stopA.CancelAsync();
        await runA;
        await bLeads.Task.WaitAsync(timeout.Token);
        Assert.True(b.IsLeader);
        Assert.Equal(1, maxConcurrent);

        await stopB.CancelAsync();
        await runB;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
