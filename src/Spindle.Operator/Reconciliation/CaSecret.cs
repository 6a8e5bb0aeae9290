using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

/// <summary>The CA bundle Secret an executor with installDefaultCACerts gets (created once, never owned by an app).</summary>
internal static class CaSecret
{
    public const string DefaultName = "spin-ca";

    public const string ManagedByAnnotation = "app.kubernetes.io/managed-by";

    public const string ManagedByValue = "spin-operator.spinkube.dev";

    /// <summary>The Secret to mount for this executor: caCertSecret, else spin-ca when installing defaults, else none.</summary>
    public static string? NameFor(ExecutorDeploymentConfig config)
    {
        if (!string.IsNullOrEmpty(config.CaCertSecret)) return config.CaCertSecret;
        return config.InstallDefaultCACerts ? DefaultName : null;
    }

    public static Secret Construct(string @namespace, string name, string bundle) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = @namespace,
            Annotations = new Dictionary<string, string> { [ManagedByAnnotation] = ManagedByValue },
        },
        StringData = new Dictionary<string, string> { [SpinAppDeployment.CaKey] = bundle },
    };
}
