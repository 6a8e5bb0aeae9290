using Spindle.Operator.Api;
using Spindle.Operator.Reconciliation;

namespace Spindle.Operator.Admission;

/// <summary>
/// The checks of spin-operator's vspinapp.kb.io webhook, with its exact messages. Pure: the caller looks up the
/// executor the app names (same namespace) and passes null when that fails.
/// </summary>
internal static class SpinAppValidator
{
    public static IReadOnlyList<FieldError> Validate(SpinApp app, SpinAppExecutor? executor)
    {
        var errors = new List<FieldError>();
        var spec = app.Spec;
        if (spec.Executor.Length == 0)
        {
            errors.Add(FieldError.Invalid(
                "spec.executor", spec.Executor, "executor must be set, likely no default executor was set because you have no executors installed"));
            executor = null;
        }
        else if (executor is null)
        {
            errors.Add(FieldError.Invalid("spec.executor", spec.Executor, "executor does not exist in namespace"));
        }

        if (spec.EnableAutoscaling && spec.Replicas != 0)
        {
            errors.Add(FieldError.Invalid("spec.replicas", spec.Replicas, "replicas cannot be set when autoscaling is enabled"));
        }
        else if (!spec.EnableAutoscaling && spec.Replicas < 1)
        {
            errors.Add(FieldError.Invalid("spec.replicas", spec.Replicas, "replicas must be > 0"));
        }

        if (executor is { Spec.CreateDeployment: false })
        {
            if (spec.DeploymentAnnotations is { Count: > 0 } deploymentAnnotations)
            {
                errors.Add(FieldError.Invalid(
                    "spec.deploymentAnnotations", deploymentAnnotations, "deploymentAnnotations can't be set when the executor does not use operator deployments"));
            }

            if (spec.PodAnnotations is { Count: > 0 } podAnnotations)
            {
                errors.Add(FieldError.Invalid(
                    "spec.podAnnotations", podAnnotations, "podAnnotations can't be set when the executor does not use operator deployments"));
            }
        }

        ValidateInvocationLimits(spec, errors);
        return errors;
    }

    private static void ValidateInvocationLimits(SpinAppSpec spec, List<FieldError> errors)
    {
        if (spec.InvocationLimits is null || !spec.InvocationLimits.TryGetValue("memory", out var memory)) return;
        const string field = "spec.invocationLimits[memory]";
        if (!Quantity.TryParse(memory, out var invocationLimit))
        {
            errors.Add(FieldError.Invalid(field, memory, "memory limit must be a valid memory quantity (e.g. 128Mi, 1Gi)"));
            return;
        }

        // The container's limit when set, else its request: an invocation cannot use more than the pod may.
        string? bound = null, kind = null;
        if (spec.Resources?.Limits is { } limits && limits.TryGetValue("memory", out var limit))
        {
            (bound, kind) = (limit, "limit");
        }
        else if (spec.Resources?.Requests is { } requests && requests.TryGetValue("memory", out var request))
        {
            (bound, kind) = (request, "request");
        }

        if (bound is not null && Quantity.TryParse(bound, out var container) && invocationLimit > container)
        {
            errors.Add(FieldError.Invalid(field, memory, $"invocation limit quantity cannot be greater than the memory {kind} ({bound})"));
        }
    }
}
