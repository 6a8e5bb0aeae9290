using System.Text.Json.Nodes;
using Spindle.Kubernetes;
using Spindle.Kubernetes.Controllers;
using Spindle.Operator.Api;
using Spindle.Operator.Reconciliation;

namespace Spindle.Operator.Controllers;

/// <summary>
/// Keeps a finalizer on every executor and lets an executor go only when no SpinApp in its namespace uses it
/// (else a DeletionBlocked event and a retry), as spin-operator's SpinAppExecutorReconciler.
/// </summary>
internal sealed class SpinAppExecutorReconciler(
    OperatorResources resources, string group, Informer<SpinAppExecutor> executors, Informer<SpinApp> apps, EventRecorder events)
{
    private readonly ResourceClient<SpinAppExecutor> _client = resources.Executors(group);
    private readonly string _finalizer = SpinKube.FinalizerName(group);

    public async Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var executor = executors.TryGet(key);
        if (executor is null) return null;
        var finalizers = executor.Metadata.Finalizers ?? [];

        if (executor.Metadata.DeletionTimestamp is null)
        {
            if (!finalizers.Contains(_finalizer)) await SetFinalizersAsync(executor, [.. finalizers, _finalizer], cancellationToken);
            return null;
        }

        if (!finalizers.Contains(_finalizer)) return null;
        var dependents = DependentApps(executor);
        if (dependents.Count > 0)
        {
            await events.WarningAsync(executor, "DeletionBlocked", "Cannot delete SpinAppExecutor with dependent SpinApps", cancellationToken);
            throw new ReconcileException(
                $"SpinAppExecutor {key} is still used by {string.Join(", ", dependents)}: delete those SpinApps or point them at another executor");
        }

        await SetFinalizersAsync(executor, finalizers.Where(f => f != _finalizer).ToList(), cancellationToken);
        return null;
    }

    /// <summary>Apps in the executor's namespace that name it (other namespaces' same-named executors are not its dependents).</summary>
    public List<string> DependentApps(SpinAppExecutor executor)
    {
        var names = new List<string>();
        foreach (var app in apps.List())
        {
            if (app.Metadata.Namespace == executor.Metadata.Namespace && app.Spec.Executor == executor.Metadata.Name) names.Add(app.Metadata.Name ?? "");
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    // A merge patch with the resourceVersion: a concurrent change fails with a conflict and the reconcile retries.
    private Task SetFinalizersAsync(SpinAppExecutor executor, List<string> finalizers, CancellationToken cancellationToken)
    {
        var list = new JsonArray();
        foreach (var finalizer in finalizers) list.Add(finalizer);
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = list, ["resourceVersion"] = executor.Metadata.ResourceVersion } };
        return _client.MergePatchAsync(executor.Metadata.Namespace, executor.Metadata.Name!, patch, cancellationToken: cancellationToken);
    }
}
