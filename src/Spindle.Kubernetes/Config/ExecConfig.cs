namespace Spindle.Kubernetes.Config;

/// <summary>users[].user.exec of a kubeconfig: the credential plugin to run.</summary>
public sealed record ExecConfig
{
    /// <summary>client.authentication.k8s.io/v1 or v1beta1: the ExecCredential version exchanged with the plugin.</summary>
    public required string ApiVersion { get; init; }

    public required string Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Shown when the command is missing ("install gke-gcloud-auth-plugin ...").</summary>
    public string? InstallHint { get; init; }

    /// <summary>Pass the cluster (server, CA) to the plugin in KUBERNETES_EXEC_INFO.</summary>
    public bool ProvideClusterInfo { get; init; }

    /// <summary>The kubeconfig's directory: a relative command resolves against it, as kubectl does.</summary>
    public string? BaseDirectory { get; init; }
}
