using Spindle.Operator.Api;

namespace Spindle.Operator.Admission;

/// <summary>The checks of spin-operator's vspinappexecutor.kb.io webhook: exactly one of runtimeClassName and spinImage.</summary>
internal static class SpinAppExecutorValidator
{
    public static IReadOnlyList<FieldError> Validate(SpinAppExecutor executor)
    {
        var config = executor.Spec.DeploymentConfig;
        if (config is null) return [];
        const string field = "spec.deploymentConfig.runtimeClassName";
        if (config.RuntimeClassName is not null && config.SpinImage is not null)
        {
            return [FieldError.Invalid(field, config.RuntimeClassName, "runtimeClassName and spinImage are mutually exclusive")];
        }

        if (config.RuntimeClassName is null && config.SpinImage is null)
        {
            return [FieldError.Invalid(field, (string?)null, "either runtimeClassName or spinImage must be set")];
        }

        return [];
    }
}
