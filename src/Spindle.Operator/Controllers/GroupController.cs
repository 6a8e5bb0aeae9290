using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Spindle.Kubernetes;
using Spindle.Kubernetes.Controllers;
using Spindle.Kubernetes.Models.Apps;
using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;
using Spindle.Operator.Hosting;

namespace Spindle.Operator.Controllers;

/// <summary>
/// The SpinApp and SpinAppExecutor controllers of one API group: informers for the apps, executors and the
/// Deployments and Services they own (filtered by the group's app-name label), and one work queue per kind.
/// </summary>
internal sealed partial class GroupController : IDisposable
{
    private readonly OperatorResources _resources;
    private readonly string _group;
    private readonly OperatorMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Informer<SpinApp> _apps;
    private readonly Informer<SpinAppExecutor> _executors;
    private readonly Informer<Deployment> _deployments;
    private readonly Informer<Service> _services;
    private readonly WorkQueue<ObjectKey> _appQueue;
    private readonly WorkQueue<ObjectKey> _executorQueue;
    private readonly SpinAppReconciler _appReconciler;
    private readonly SpinAppExecutorReconciler _executorReconciler;

    public GroupController(OperatorResources resources, string group, Func<string> caBundle, OperatorMetrics metrics)
    {
        _resources = resources;
        _group = group;
        _metrics = metrics;
        var loggers = resources.Client.LoggerFactory;
        var time = resources.Client.TimeProvider;
        _logger = loggers.CreateLogger<GroupController>();
        var owned = new InformerOptions { LabelSelector = SpinKube.NameLabelKey(group) };
        _apps = new Informer<SpinApp>(resources.SpinApps(group));
        _executors = new Informer<SpinAppExecutor>(resources.Executors(group));
        _deployments = new Informer<Deployment>(resources.Deployments, owned);
        _services = new Informer<Service>(resources.Services, owned);
        _appQueue = new WorkQueue<ObjectKey>(timeProvider: time, logger: loggers.CreateLogger("Spindle.Operator.SpinAppQueue"));
        _executorQueue = new WorkQueue<ObjectKey>(timeProvider: time, logger: loggers.CreateLogger("Spindle.Operator.SpinAppExecutorQueue"));

        _appReconciler = new SpinAppReconciler(
            resources, group, _apps, _executors, _deployments, _services,
            new EventRecorder(resources.Events, "spinapp-reconciler", time, _logger), caBundle, time, _logger);
        _executorReconciler = new SpinAppExecutorReconciler(
            resources, group, _executors, _apps, new EventRecorder(resources.Events, "spinappexecutor-reconciler", time, _logger));

        _apps.Added += app => _appQueue.Add(ObjectKey.From(app));
        _apps.Updated += (_, app) => _appQueue.Add(ObjectKey.From(app));
        _apps.Deleted += app =>
        {
            // An executor waiting to be deleted may have lost its last dependent.
            _executorQueue.Add(new ObjectKey(app.Metadata.Namespace, app.Spec.Executor));
        };
        _executors.Added += executor => OnExecutorChanged(executor);
        _executors.Updated += (_, executor) => OnExecutorChanged(executor);
        _deployments.Added += EnqueueOwner;
        _deployments.Updated += (_, deployment) => EnqueueOwner(deployment);
        _deployments.Deleted += EnqueueOwner;
        _services.Added += EnqueueOwner;
        _services.Updated += (_, service) => EnqueueOwner(service);
        _services.Deleted += EnqueueOwner;

        var suffix = group == SpinKube.Group ? "" : "." + group;
        AppController = "spinapp" + suffix;
        ExecutorController = "spinappexecutor" + suffix;
        metrics.RegisterQueue(AppController, () => _appQueue.Count);
        metrics.RegisterQueue(ExecutorController, () => _executorQueue.Count);
    }

    public string AppController { get; }

    public string ExecutorController { get; }

    /// <summary>Waits for the group's CRDs, syncs the caches, then reconciles until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await WaitForCrdsAsync(cancellationToken)) return;

        var informers = new[]
        {
            _apps.RunAsync(cancellationToken), _executors.RunAsync(cancellationToken),
            _deployments.RunAsync(cancellationToken), _services.RunAsync(cancellationToken),
        };
        await Task.WhenAll(
            _apps.WaitForSyncAsync(cancellationToken), _executors.WaitForSyncAsync(cancellationToken),
            _deployments.WaitForSyncAsync(cancellationToken), _services.WaitForSyncAsync(cancellationToken));
        Log.Started(_logger, _group);

        var workers = new[]
        {
            _appQueue.ProcessAsync((key, ct) => Measure(AppController, () => _appReconciler.ReconcileAsync(key, ct)), 2, cancellationToken),
            _executorQueue.ProcessAsync((key, ct) => Measure(ExecutorController, () => _executorReconciler.ReconcileAsync(key, ct)), 1, cancellationToken),
        };
        try
        {
            await Task.WhenAll([.. informers, .. workers]);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void OnExecutorChanged(SpinAppExecutor executor)
    {
        _executorQueue.Add(ObjectKey.From(executor));
        // Apps that were waiting for this executor (MissingExecutor) or whose Deployments depend on its config.
        foreach (var app in _apps.List())
        {
            if (app.Metadata.Namespace == executor.Metadata.Namespace && app.Spec.Executor == executor.Metadata.Name) _appQueue.Add(ObjectKey.From(app));
        }
    }

    private void EnqueueOwner(IKubernetesObject child)
    {
        foreach (var owner in child.Metadata.OwnerReferences ?? [])
        {
            if (owner.Controller == true && owner.Kind == "SpinApp" && SpinKube.GroupOf(owner.ApiVersion) == _group)
            {
                _appQueue.Add(new ObjectKey(child.Metadata.Namespace, owner.Name));
            }
        }
    }

    private async Task<TimeSpan?> Measure(string controller, Func<Task<TimeSpan?>> reconcile)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await reconcile();
            _metrics.RecordReconcile(controller, success: true, requeueAfter: result is not null, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _metrics.RecordReconcile(controller, success: false, requeueAfter: false, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    // A cluster may have only one of the two groups installed; the other is picked up once its CRDs appear.
    private async Task<bool> WaitForCrdsAsync(CancellationToken cancellationToken)
    {
        var logged = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _resources.SpinApps(_group).ListAsync(null, new ListOptions { Limit = 1 }, cancellationToken);
                await _resources.Executors(_group).ListAsync(null, new ListOptions { Limit = 1 }, cancellationToken);
                return true;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                if (!logged) Log.WaitingForCrds(_logger, _group);
                logged = true;
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), _resources.Client.TimeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    public void Dispose()
    {
        _appQueue.Dispose();
        _executorQueue.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Reconciling SpinApps and SpinAppExecutors of {Group}")]
        public static partial void Started(ILogger logger, string group);

        [LoggerMessage(2, LogLevel.Information, "The CRDs of {Group} are not installed; reconciling that group once they are")]
        public static partial void WaitingForCrds(ILogger logger, string group);
    }
}
