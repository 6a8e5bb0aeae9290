using Spindle.Kubernetes.LeaderElection;
using Spindle.Kubernetes.Tests.Fakes;

namespace Spindle.Kubernetes.Tests.LeaderElection;

public sealed class LeaderElectorTests : IDisposable
{
    private readonly FakeLeaseStore _store = new();
    private readonly ManualTimeProvider _time = new();
    private readonly KubernetesClient _client;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public LeaderElectorTests() => _client = new KubernetesClient(_store, new Uri("https://fake.invalid"), null, _time);

    public void Dispose()
    {
        _client.Dispose();
        _store.Dispose();
        _timeout.Dispose();
    }

    private LeaderElector Elector(string identity) => new(_client, new LeaderElectionOptions
    {
        LeaseName = "spin-operator-lock",
        Namespace = "spin-system",
        Identity = identity,
    });

    [Fact]
    public async Task FirstElector_CreatesLease_SecondWaitsUntilItExpires()
    {
        var a = Elector("a");
        var b = Elector("b");

        Assert.True(await a.TryAcquireOrRenewAsync(_timeout.Token));
        var lease = _store.Lease("spin-operator-lock")!;
        Assert.Equal("a", lease["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(15, lease["spec"]!["leaseDurationSeconds"]!.GetValue<int>());
        Assert.Equal("2026-01-01T00:00:00.000000Z", lease["spec"]!["renewTime"]!.GetValue<string>());

        Assert.False(await b.TryAcquireOrRenewAsync(_timeout.Token));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await a.TryAcquireOrRenewAsync(_timeout.Token));
        _time.Advance(TimeSpan.FromSeconds(10));

        // b saw a renewal 10 s ago (by its own clock): not expired yet.
        Assert.False(await b.TryAcquireOrRenewAsync(_timeout.Token));
        _time.Advance(TimeSpan.FromSeconds(16));
        Assert.True(await b.TryAcquireOrRenewAsync(_timeout.Token));

        lease = _store.Lease("spin-operator-lock")!;
        Assert.Equal("b", lease["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(1, lease["spec"]!["leaseTransitions"]!.GetValue<int>());
        Assert.False(await a.TryAcquireOrRenewAsync(_timeout.Token));
    }

    [Fact]
    public async Task Run_ReleasesOnCancel_SoOthersTakeOverAtOnce()
    {
        var a = Elector("a");
        var leaders = new List<string>();
        a.LeaderChanged += leaders.Add;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var leading = new TaskCompletionSource();
        var leadershipToken = CancellationToken.None;
        var run = a.RunAsync(ct =>
        {
            leadershipToken = ct;
            leading.TrySetResult();
            return Task.Delay(Timeout.Infinite, ct);
        }, stop.Token);

        await leading.Task.WaitAsync(_timeout.Token);
        Assert.True(a.IsLeader);
        await stop.CancelAsync();
        await run;

        Assert.True(leadershipToken.IsCancellationRequested);
        Assert.False(a.IsLeader);
        Assert.Equal(["a"], leaders);
        var lease = _store.Lease("spin-operator-lock")!;
        Assert.Null(lease["spec"]!["holderIdentity"]);
        Assert.True(await Elector("b").TryAcquireOrRenewAsync(_timeout.Token));
    }

    [Fact]
    public async Task Run_RenewalFailsPastDeadline_StopsLeading()
    {
        var a = Elector("a");
        var leading = new TaskCompletionSource();
        var timer = _time.NextTimerCreated();
        var run = a.RunAsync(ct =>
        {
            leading.TrySetResult();
            return Task.Delay(Timeout.Infinite, ct);
        }, _timeout.Token);
        await leading.Task.WaitAsync(_timeout.Token);
        await timer.WaitAsync(_timeout.Token);

        _store.Failing = true;
        // Retry period (2 s) then failed renewals every 2 s until the 10 s renew deadline passes.
        // Each step lets the elector's continuations run (a new timer, or the end) before the clock moves on.
        for (var i = 0; i < 30 && !run.IsCompleted; i++)
        {
            timer = _time.NextTimerCreated();
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(timer, run, Task.Delay(50, _timeout.Token));
        }

        await run.WaitAsync(_timeout.Token);
        Assert.False(a.IsLeader);
    }

    [Fact]
    public void Options_RenewDeadlineNotShorterThanLease_Rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new LeaderElector(_client, new LeaderElectionOptions
        {
            LeaseName = "l",
            Namespace = "n",
            Identity = "i",
            LeaseDuration = TimeSpan.FromSeconds(5),
            RenewDeadline = TimeSpan.FromSeconds(10),
        }));
        Assert.Contains("LeaseDuration", e.Message, StringComparison.Ordinal);
    }
}
