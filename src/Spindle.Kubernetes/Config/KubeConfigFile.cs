using YamlDotNet.Serialization;

namespace Spindle.Kubernetes.Config;

// The kubeconfig file format (clientcmd/api/v1), as YamlDotNet reads it. Only the fields Spindle uses.
#pragma warning disable CA1812 // Instantiated by YamlDotNet.

internal sealed class KubeConfigFile
{
    [YamlMember(Alias = "current-context")]
    public string? CurrentContext { get; set; }

    [YamlMember(Alias = "clusters")]
    public List<NamedEntry<ClusterEntry>>? Clusters { get; set; }

    [YamlMember(Alias = "users")]
    public List<NamedEntry<UserEntry>>? Users { get; set; }

    [YamlMember(Alias = "contexts")]
    public List<NamedEntry<ContextEntry>>? Contexts { get; set; }
}

internal sealed class NamedEntry<T>
    where T : class
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "cluster")]
    public T? Cluster { get => Value; set => Value = value; }

    [YamlMember(Alias = "user")]
    public T? User { get => Value; set => Value = value; }

    [YamlMember(Alias = "context")]
    public T? Context { get => Value; set => Value = value; }

    [YamlIgnore]
    public T? Value { get; set; }

    /// <summary>The directory of the file that defined this entry: relative paths resolve against it.</summary>
    [YamlIgnore]
    public string? BaseDirectory { get; set; }

    [YamlIgnore]
    public string? File { get; set; }
}

internal sealed class ClusterEntry
{
    [YamlMember(Alias = "server")]
    public string? Server { get; set; }

    [YamlMember(Alias = "certificate-authority")]
    public string? CertificateAuthority { get; set; }

    [YamlMember(Alias = "certificate-authority-data")]
    public string? CertificateAuthorityData { get; set; }

    [YamlMember(Alias = "insecure-skip-tls-verify")]
    public bool InsecureSkipTlsVerify { get; set; }

    [YamlMember(Alias = "tls-server-name")]
    public string? TlsServerName { get; set; }

    [YamlMember(Alias = "proxy-url")]
    public string? ProxyUrl { get; set; }
}

internal sealed class UserEntry
{
    [YamlMember(Alias = "token")]
    public string? Token { get; set; }

    [YamlMember(Alias = "tokenFile")]
    public string? TokenFile { get; set; }

    [YamlMember(Alias = "client-certificate")]
    public string? ClientCertificate { get; set; }

    [YamlMember(Alias = "client-certificate-data")]
    public string? ClientCertificateData { get; set; }

    [YamlMember(Alias = "client-key")]
    public string? ClientKey { get; set; }

    [YamlMember(Alias = "client-key-data")]
    public string? ClientKeyData { get; set; }

    [YamlMember(Alias = "username")]
    public string? Username { get; set; }

    [YamlMember(Alias = "password")]
    public string? Password { get; set; }

    [YamlMember(Alias = "exec")]
    public ExecEntry? Exec { get; set; }

    [YamlMember(Alias = "as")]
    public string? As { get; set; }

    [YamlMember(Alias = "as-groups")]
    public List<string>? AsGroups { get; set; }

    [YamlMember(Alias = "auth-provider")]
    public Dictionary<string, object>? AuthProvider { get; set; }
}

internal sealed class ExecEntry
{
    [YamlMember(Alias = "apiVersion")]
    public string? ApiVersion { get; set; }

    [YamlMember(Alias = "command")]
    public string? Command { get; set; }

    [YamlMember(Alias = "args")]
    public List<string>? Args { get; set; }

    [YamlMember(Alias = "env")]
    public List<ExecEnvEntry>? Env { get; set; }

    [YamlMember(Alias = "installHint")]
    public string? InstallHint { get; set; }

    [YamlMember(Alias = "provideClusterInfo")]
    public bool ProvideClusterInfo { get; set; }

    [YamlMember(Alias = "interactiveMode")]
    public string? InteractiveMode { get; set; }
}

internal sealed class ExecEnvEntry
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "value")]
    public string? Value { get; set; }
}

internal sealed class ContextEntry
{
    [YamlMember(Alias = "cluster")]
    public string? Cluster { get; set; }

    [YamlMember(Alias = "user")]
    public string? User { get; set; }

    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}
