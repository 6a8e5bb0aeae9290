using Spindle.Kubernetes.Controllers;
using Spindle.Kubernetes.Tests.Fakes;

namespace Spindle.Kubernetes.Tests.Controllers;

public sealed class WorkQueueTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public void Dispose() => _timeout.Dispose();

    private WorkQueue<string> NewQueue() =>
        new(new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)), _time);

    [Fact]
    public async Task Add_SameKeyTwice_QueuedOnce()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Count);
        Assert.Equal("a", await queue.GetAsync(_timeout.Token));
        Assert.Equal("b", await queue.GetAsync(_timeout.Token));
    }

    [Fact]
    public async Task Add_WhileProcessing_RequeuedOnlyAfterDone()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var key = await queue.GetAsync(_timeout.Token);
        queue.Add("a");
        queue.Add("a");

        Assert.Equal(0, queue.Count);
        queue.Done(key);
        Assert.Equal(1, queue.Count);
        Assert.Equal("a", await queue.GetAsync(_timeout.Token));
    }

    [Fact]
    public async Task AddAfter_WaitsForTheClock_EarliestDelayWins()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        queue.AddAfter("a", TimeSpan.FromSeconds(20));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, queue.Count);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal("a", await queue.GetAsync(_timeout.Token));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void AddRateLimited_BacksOffExponentially_UntilForgotten()
    {
        using var queue = NewQueue();
        queue.AddRateLimited("a");
        queue.AddRateLimited("b");
        Assert.Equal([TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5)], _time.PendingDelays);
        _time.Advance(TimeSpan.FromMilliseconds(5));

        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));
        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000], Enumerable.Range(0, 10).Select(_ => limiter.When("k").TotalMilliseconds));
        Assert.Equal(10, limiter.NumRequeues("k"));
        limiter.Forget("k");
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("k"));
    }

    [Fact]
    public void BucketLimiter_AllowsBurstThenSpacesAtQps()
    {
        var limiter = new BucketRateLimiter<string>(qps: 10, burst: 3, _time);
        Assert.Equal([0, 0, 0, 100, 200], Enumerable.Range(0, 5).Select(i => Math.Round(limiter.When("k" + i).TotalMilliseconds)));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Math.Round(limiter.When("x").TotalMilliseconds));
    }

    [Fact]
    public void MaxOf_TakesTheLongestDelay()
    {
        var limiter = new MaxOfRateLimiter<string>(
            new ExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)),
            new BucketRateLimiter<string>(1, 1, _time));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.When("a"));
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.When("a"));
        Assert.Equal(2, limiter.NumRequeues("a"));
    }

    [Fact]
    public async Task ShutDown_ReleasesWaitingWorkers()
    {
        var queue = NewQueue();
        var waiting = queue.GetAsync(_timeout.Token);
        queue.ShutDown();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        queue.Add("ignored");
        Assert.Equal(0, queue.Count);
        queue.Dispose();
    }

    [Fact]
    public async Task Process_KeyReaddedDuringReconcile_NeverRunsTwiceAtOnce()
    {
        using var queue = NewQueue();
        var inFlight = 0;
        var maxInFlight = 0;
        var runs = 0;
        var done = new TaskCompletionSource();

        async Task<TimeSpan?> Reconcile(string key, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            if (Interlocked.Increment(ref runs) < 5) queue.Add(key);
            await Task.Delay(1, CancellationToken.None);
            Interlocked.Decrement(ref inFlight);
            if (Volatile.Read(ref runs) == 5) done.TrySetResult();
            return null;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        queue.Add("a");
        var workers = queue.ProcessAsync(Reconcile, workers: 4, stop.Token);
        await done.Task.WaitAsync(_timeout.Token);
        await stop.CancelAsync();
        await workers;

        Assert.Equal(1, maxInFlight);
        Assert.Equal(5, runs);
    }

    [Fact]
    public async Task Process_Failures_RetriedWithGrowingBackoff_ThenForgotten()
    {
        using var queue = NewQueue();
        var attempts = 0;
        var done = new TaskCompletionSource();

        Task<TimeSpan?> Reconcile(string key, CancellationToken ct)
        {
            var attempt = Interlocked.Increment(ref attempts);
            if (attempt < 3) throw new InvalidOperationException("transient failure " + attempt);
            done.TrySetResult();
            return Task.FromResult<TimeSpan?>(null);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var timer = _time.NextTimerCreated();
        queue.Add("a");
        var workers = queue.ProcessAsync(Reconcile, workers: 2, stop.Token);

        await timer.WaitAsync(_timeout.Token);
        Assert.Equal([TimeSpan.FromMilliseconds(5)], _time.PendingDelays);
        timer = _time.NextTimerCreated();
        _time.Advance(TimeSpan.FromMilliseconds(5));
        await timer.WaitAsync(_timeout.Token);
        Assert.Equal([TimeSpan.FromMilliseconds(10)], _time.PendingDelays);
        _time.Advance(TimeSpan.FromMilliseconds(10));

        await done.Task.WaitAsync(_timeout.Token);
        await stop.CancelAsync();
        await workers;
        Assert.Equal(3, attempts);
        Assert.Equal(0, queue.NumRequeues("a"));
    }

    [Fact]
    public async Task Process_ReturnedDelay_RequeuesAfterIt()
    {
        using var queue = NewQueue();
        var runs = 0;
        var second = new TaskCompletionSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var timer = _time.NextTimerCreated();
        queue.Add("a");
        var workers = queue.ProcessAsync((_, _) =>
        {
            if (Interlocked.Increment(ref runs) == 2) second.TrySetResult();
            return Task.FromResult<TimeSpan?>(TimeSpan.FromMinutes(1));
        }, workers: 1, stop.Token);

        await timer.WaitAsync(_timeout.Token);
        Assert.Equal([TimeSpan.FromMinutes(1)], _time.PendingDelays);
        _time.Advance(TimeSpan.FromMinutes(1));
        await second.Task.WaitAsync(_timeout.Token);
        await stop.CancelAsync();
        await workers;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
