using Microsoft.Extensions.Logging;
using Spindle.Kubernetes.Models.Coordination;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.LeaderElection;

public sealed partial class LeaderElector
{
    /// <summary>One attempt: create the lease, renew ours, or take over an expired one. False when someone else holds it.</summary>
    internal async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var duration = (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds);
        var lease = await _leases.TryGetAsync(_options.Namespace, _options.LeaseName, cancellationToken);
        if (lease is null)
        {
            var created = new Lease
            {
                Metadata = new ObjectMeta { Name = _options.LeaseName, Namespace = _options.Namespace },
                Spec = new LeaseSpec
                {
                    HolderIdentity = _options.Identity,
                    LeaseDurationSeconds = duration,
                    AcquireTime = now,
                    RenewTime = now,
                    LeaseTransitions = 0,
                },
            };
            try
            {
                Observe(await _leases.CreateAsync(created, null, cancellationToken), now);
                return true;
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists || e.IsConflict)
            {
                return false;
            }
        }

        Observe(lease, now);
        var spec = lease.Spec ??= new LeaseSpec();
        var holder = spec.HolderIdentity;
        var heldByUs = holder == _options.Identity;
        var leaseSeconds = spec.LeaseDurationSeconds ?? duration;
        if (!heldByUs && !string.IsNullOrEmpty(holder) && _observedAt + TimeSpan.FromSeconds(leaseSeconds) > now) return false;

        if (!heldByUs)
        {
            spec.AcquireTime = now;
            spec.LeaseTransitions = (spec.LeaseTransitions ?? 0) + 1;
        }

        spec.HolderIdentity = _options.Identity;
        spec.LeaseDurationSeconds = duration;
        spec.RenewTime = now;
        try
        {
            // The resourceVersion we read makes this a compare-and-swap: a competing writer gets 409.
            Observe(await _leases.UpdateAsync(lease, null, cancellationToken), now);
            return true;
        }
        catch (KubernetesApiException e) when (e.IsConflict)
        {
            return false;
        }
    }

    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            var lease = await _leases.TryGetAsync(_options.Namespace, _options.LeaseName, timeout.Token);
            if (lease?.Spec is not { } spec || spec.HolderIdentity != _options.Identity) return;
            var now = _time.GetUtcNow();
            spec.HolderIdentity = null;
            spec.LeaseDurationSeconds = 1;
            spec.RenewTime = now;
            spec.AcquireTime = now;
            await _leases.UpdateAsync(lease, null, timeout.Token);
            Log.Released(_logger, _options.Namespace, _options.LeaseName);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            Log.AttemptFailed(_logger, _options.LeaseName, e);
        }
    }

    private void Observe(Lease lease, DateTimeOffset now)
    {
        // Expiry counts from when *we* first saw this renewal, not from the holder's clock.
        var changed = _observed?.Spec?.HolderIdentity != lease.Spec?.HolderIdentity || _observed?.Spec?.RenewTime != lease.Spec?.RenewTime
            || _observed?.Metadata.ResourceVersion != lease.Metadata.ResourceVersion;
        if (changed || _observed is null) _observedAt = now;
        _observed = lease;
        var holder = lease.Spec?.HolderIdentity;
        if (!string.IsNullOrEmpty(holder) && holder != _lastLeader)
        {
            _lastLeader = holder;
            Log.NewLeader(_logger, _options.Namespace, _options.LeaseName, holder);
            LeaderChanged?.Invoke(holder);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Acquired lease {Namespace}/{Name} as {Identity}")]
        public static partial void Acquired(ILogger logger, string @namespace, string name, string identity);

        [LoggerMessage(2, LogLevel.Warning, "Lost lease {Namespace}/{Name} ({Identity}): renewal did not succeed within the renew deadline")]
        public static partial void Lost(ILogger logger, string @namespace, string name, string identity);

        [LoggerMessage(3, LogLevel.Information, "Released lease {Namespace}/{Name}")]
        public static partial void Released(ILogger logger, string @namespace, string name);

        [LoggerMessage(4, LogLevel.Information, "Lease {Namespace}/{Name} is held by {Identity}")]
        public static partial void NewLeader(ILogger logger, string @namespace, string name, string identity);

        [LoggerMessage(5, LogLevel.Warning, "Acquiring/renewing lease {Name} failed")]
        public static partial void AttemptFailed(ILogger logger, string name, Exception exception);

        [LoggerMessage(6, LogLevel.Error, "The leader callback failed")]
        public static partial void CallbackFailed(ILogger logger, Exception exception);
    }
}
