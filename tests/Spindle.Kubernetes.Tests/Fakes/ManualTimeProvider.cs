namespace Spindle.Kubernetes.Tests.Fakes;

/// <summary>A clock that moves only when the test says so; timers (Task.Delay, WorkQueue.AddAfter) fire on Advance.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    /// <summary>Delays of the timers now pending, relative to the current time.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays
    {
        get
        {
            lock (_lock) return _timers.Select(t => t.DueAt - _now).ToList();
        }
    }

    /// <summary>Completes when a timer is created after this call (the code under test has started waiting).</summary>
    public Task NextTimerCreated()
    {
        lock (_lock) return _timerCreated.Task;
    }

    /// <summary>Completes once <paramref name="condition"/> holds, checking again after each timer is created.</summary>
    public async Task WaitForTimersAsync(Func<IReadOnlyList<TimeSpan>, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = NextTimerCreated();
            if (condition(PendingDelays)) return;
            await next.WaitAsync(cancellationToken);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        TaskCompletionSource created;
        lock (_lock)
        {
            created = _timerCreated;
            _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        created.TrySetResult();
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock) target = _now + by;
        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.DueAt;
                _timers.Remove(next);
                if (next.Period > TimeSpan.Zero)
                {
                    next.DueAt = _now + next.Period;
                    _timers.Add(next);
                }
            }

            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                DueAt = owner._now + dueTime;
                owner._timers.Add(this);
            }

            return true;
        }

        public void Dispose()
        {
            lock (owner._lock) owner._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
