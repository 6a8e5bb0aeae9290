using Spindle.Kubernetes.Models.Apps;
using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

/// <summary>
/// A SpinApp's status from its Deployment, as spin-operator's updateStatus: the Deployment's Available and
/// Progressing conditions and ready replicas, or Unknown/DeploymentNotFound before the Deployment exists.
/// </summary>
internal static class SpinAppStatusBuilder
{
    public static readonly string[] ConditionTypes = ["Available", "Progressing"];

    /// <summary>The new status, or null when the executor does not use operator Deployments (status is left alone).</summary>
    public static SpinAppStatus? Compute(
        SpinApp app, SpinAppExecutor executor, Deployment? deployment, Service? service, DateTimeOffset now)
    {
        if (!executor.Spec.CreateDeployment) return null;

        var previous = app.Status?.Conditions ?? [];
        var status = new SpinAppStatus { ActiveScheduler = app.Spec.Executor, Conditions = [] };
        if (deployment is null)
        {
            foreach (var type in ConditionTypes)
            {
                Set(status.Conditions, previous, type, "Unknown", "DeploymentNotFound", "Deployment not found", now);
            }

            status.ReadyReplicas = 0;
        }
        else
        {
            foreach (var type in ConditionTypes)
            {
                if (FindDeploymentCondition(deployment, type) is { } condition)
                {
                    Set(status.Conditions, previous, type, condition.Status, condition.Reason, condition.Message, now);
                }
            }

            status.ReadyReplicas = deployment.Status?.ReadyReplicas ?? 0;
            status.DeploymentName = deployment.Metadata.Name;
        }

        status.ServiceName = service?.Metadata.Name;
        return status;
    }

    private static DeploymentCondition? FindDeploymentCondition(Deployment deployment, string type)
    {
        foreach (var condition in deployment.Status?.Conditions ?? [])
        {
            if (condition.Type == type) return condition;
        }

        return null;
    }

    // As meta.SetStatusCondition: the transition time moves only when the status changes.
    private static void Set(
        IList<Condition> conditions, IList<Condition> previous, string type, string status, string? reason, string? message, DateTimeOffset now)
    {
        DateTimeOffset? since = null;
        foreach (var old in previous)
        {
            if (old.Type == type && old.Status == status) since = old.LastTransitionTime;
        }

        conditions.Add(new Condition
        {
            Type = type,
            Status = status,
            Reason = string.IsNullOrEmpty(reason) ? "Unknown" : reason,
            Message = message ?? "",
            LastTransitionTime = since ?? now,
        });
    }
}
