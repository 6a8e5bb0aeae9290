namespace Spindle.Operator.Scaffold;

/// <summary>The inputs of `spindle kube scaffold`, with `spin kube scaffold`'s defaults.</summary>
public sealed record ScaffoldOptions
{
    /// <summary>The app's OCI reference (<c>--from</c>); the SpinApp is named after its last path segment.</summary>
    public required string From { get; init; }

    /// <summary>Replicas, or the minimum replica count when an autoscaler is set.</summary>
    public int Replicas { get; init; } = 2;

    public int MaxReplicas { get; init; } = 3;

    /// <summary>Empty, <c>hpa</c> or <c>keda</c>.</summary>
    public string Autoscaler { get; init; } = "";

    public int AutoscalerTargetCpuUtilization { get; init; } = 60;

    public int AutoscalerTargetMemoryUtilization { get; init; } = 60;

    public string Executor { get; init; } = "containerd-shim-spin";

    public string CpuLimit { get; init; } = "";

    public string MemoryLimit { get; init; } = "";

    public string CpuRequest { get; init; } = "";

    public string MemoryRequest { get; init; } = "";

    /// <summary>The runtime config file's bytes (<c>--runtime-config-file</c>), embedded base64 in a Secret; null for none.</summary>
    public byte[]? RuntimeConfig { get; init; }

    public IReadOnlyList<string> ImagePullSecrets { get; init; } = [];

    /// <summary>Spin variables (<c>--variable name=value</c>); emitted sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary>Adds the pod label <c>azure.workload.identity/use: "true"</c>.</summary>
    public bool AzureIdentity { get; init; }

    public string ServiceAccountName { get; init; } = "";
}
