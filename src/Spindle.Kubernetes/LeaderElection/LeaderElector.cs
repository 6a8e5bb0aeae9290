using Microsoft.Extensions.Logging;
using Spindle.Kubernetes.Models.Coordination;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes.LeaderElection;

/// <summary>
/// Lease-based leader election (coordination.k8s.io/v1, as client-go's leaderelection with a LeaseLock).
/// Expiry is judged by the local clock from the moment this process last saw the lease change, so clock skew
/// between processes does not matter.
/// </summary>
public sealed partial class LeaderElector
{
    private readonly ResourceClient<Lease> _leases;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Lease? _observed;
    private DateTimeOffset _observedAt;
    private string? _lastLeader;

    public LeaderElector(KubernetesClient client, LeaderElectionOptions options)
    {
        if (options.LeaseDuration <= options.RenewDeadline)
            throw new ArgumentException($"LeaseDuration ({options.LeaseDuration}) must be longer than RenewDeadline ({options.RenewDeadline}).", nameof(options));
        if (options.RenewDeadline <= options.RetryPeriod)
            throw new ArgumentException($"RenewDeadline ({options.RenewDeadline}) must be longer than RetryPeriod ({options.RetryPeriod}).", nameof(options));
        _leases = client.Resource(ApiResource.Leases, KubernetesJsonContext.Default.Lease);
        _options = options;
        _time = client.TimeProvider;
        _logger = client.LoggerFactory.CreateLogger<LeaderElector>();
    }

    /// <summary>A (new) holder was observed: the identity of the leader.</summary>
    public event Action<string>? LeaderChanged;

    public bool IsLeader { get; private set; }

    /// <summary>
    /// Waits until this process holds the lease, runs <paramref name="onStartedLeading"/> with a token that is cancelled
    /// when leadership is lost or <paramref name="cancellationToken"/> is cancelled, and returns when leadership ends.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> onStartedLeading, CancellationToken cancellationToken)
    {
        try
        {
            await AcquireAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        IsLeader = true;
        Log.Acquired(_logger, _options.Namespace, _options.LeaseName, _options.Identity);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Task.Run(() => onStartedLeading(leading.Token), CancellationToken.None);
        try
        {
            await RenewLoopAsync(cancellationToken);
        }
        finally
        {
            IsLeader = false;
            await leading.CancelAsync();
            try
            {
                await work;
            }
            catch (OperationCanceledException)
            {
                // The callback stopped because we told it to.
            }
            catch (Exception e)
            {
                Log.CallbackFailed(_logger, e);
            }

            if (cancellationToken.IsCancellationRequested && _options.ReleaseOnCancel) await ReleaseAsync();
        }
    }

    private async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (await TryAcquireOrRenewAsync(cancellationToken)) return;
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
            {
                Log.AttemptFailed(_logger, _options.LeaseName, e);
            }

            await Task.Delay(Jitter(_options.RetryPeriod), _time, cancellationToken);
        }
    }

    private async Task RenewLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.RetryPeriod, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Keep trying within RenewDeadline; past it, another process may already consider the lease expired.
            using var deadline = new CancellationTokenSource(_options.RenewDeadline, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            var renewed = false;
            while (!renewed)
            {
                try
                {
                    renewed = await TryAcquireOrRenewAsync(linked.Token);
                    if (!renewed) await Task.Delay(_options.RetryPeriod, _time, linked.Token);
                }
                catch (OperationCanceledException)
                {
                    if (cancellationToken.IsCancellationRequested) return;
                    break;
                }
                catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
                {
                    Log.AttemptFailed(_logger, _options.LeaseName, e);
                    try
                    {
                        await Task.Delay(_options.RetryPeriod, _time, linked.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        if (cancellationToken.IsCancellationRequested) return;
                        break;
                    }
                }
            }

            if (!renewed)
            {
                Log.Lost(_logger, _options.Namespace, _options.LeaseName, _options.Identity);
                return;
            }
        }
    }

    private static TimeSpan Jitter(TimeSpan period) => period + TimeSpan.FromTicks((long)(period.Ticks * 1.2 * Random.Shared.NextDouble()));
}
