using System.Text;

namespace Spindle.Kubernetes.Config;

public static partial class KubeConfigLoader
{
    private static KubernetesClientConfiguration Resolve(KubeConfigFile config, string? contextName, string source)
    {
        contextName ??= config.CurrentContext
            ?? throw new KubeConfigException($"{source}: no current-context is set and no context was given: run 'kubectl config use-context NAME' or pass --context.");
        var context = config.Contexts!.Find(c => c.Name == contextName)?.Value
            ?? throw new KubeConfigException($"{source}: context '{contextName}' is not defined (contexts: {Names(config.Contexts!)}).");
        if (string.IsNullOrEmpty(context.Cluster)) throw new KubeConfigException($"{source}: context '{contextName}' names no cluster.");

        var clusterEntry = config.Clusters!.Find(c => c.Name == context.Cluster)
            ?? throw new KubeConfigException($"{source}: context '{contextName}' refers to cluster '{context.Cluster}', which is not defined (clusters: {Names(config.Clusters!)}).");
        var cluster = clusterEntry.Value ?? new ClusterEntry();
        if (string.IsNullOrEmpty(cluster.Server)) throw new KubeConfigException($"{clusterEntry.File}: cluster '{context.Cluster}' has no server.");
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
            throw new KubeConfigException($"{clusterEntry.File}: cluster '{context.Cluster}' server '{cluster.Server}' is not an http(s) URL.");

        Uri? proxy = null;
        if (!string.IsNullOrEmpty(cluster.ProxyUrl) && (!Uri.TryCreate(cluster.ProxyUrl, UriKind.Absolute, out proxy) || proxy.Scheme is not ("http" or "https" or "socks5")))
            throw new KubeConfigException($"{clusterEntry.File}: cluster '{context.Cluster}' proxy-url '{cluster.ProxyUrl}' is not an http(s) or socks5 URL.");

        NamedEntry<UserEntry>? userEntry = null;
        if (!string.IsNullOrEmpty(context.User))
        {
            userEntry = config.Users!.Find(u => u.Name == context.User)
                ?? throw new KubeConfigException($"{source}: context '{contextName}' refers to user '{context.User}', which is not defined (users: {Names(config.Users!)}).");
        }

        var user = userEntry?.Value ?? new UserEntry();
        var userWhere = $"{userEntry?.File}: user '{context.User}'";
        if (user.AuthProvider is not null)
            throw new KubeConfigException($"{userWhere} uses auth-provider, which was removed from Kubernetes: switch to an exec plugin (kubelogin, gke-gcloud-auth-plugin).");

        return new KubernetesClientConfiguration
        {
            Server = server,
            ContextName = contextName,
            Namespace = string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace,
            CertificateAuthorityPem = Pem(cluster.CertificateAuthorityData, cluster.CertificateAuthority, clusterEntry.BaseDirectory,
                $"{clusterEntry.File}: cluster '{context.Cluster}' certificate-authority"),
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = cluster.TlsServerName,
            ProxyUrl = proxy,
            Impersonate = string.IsNullOrEmpty(user.As) ? null : user.As,
            ImpersonateGroups = user.AsGroups ?? [],
            Token = user.Token,
            TokenFile = user.TokenFile is null ? null : ResolvePath(user.TokenFile, userEntry?.BaseDirectory),
            ClientCertificatePem = Pem(user.ClientCertificateData, user.ClientCertificate, userEntry?.BaseDirectory, userWhere + " client-certificate"),
            ClientKeyPem = Pem(user.ClientKeyData, user.ClientKey, userEntry?.BaseDirectory, userWhere + " client-key"),
            Username = user.Username,
            Password = user.Password,
            Exec = user.Exec is null ? null : ToExec(user.Exec, userEntry?.BaseDirectory, userWhere),
        };
    }

    private static ExecConfig ToExec(ExecEntry exec, string? baseDirectory, string where)
    {
        if (string.IsNullOrEmpty(exec.Command)) throw new KubeConfigException($"{where}: exec has no command.");
        if (string.IsNullOrEmpty(exec.ApiVersion))
            throw new KubeConfigException($"{where}: exec has no apiVersion: set client.authentication.k8s.io/v1 (or v1beta1).");
        var env = new Dictionary<string, string>();
        foreach (var variable in exec.Env ?? [])
        {
            if (!string.IsNullOrEmpty(variable.Name)) env[variable.Name] = variable.Value ?? "";
        }

        return new ExecConfig
        {
            ApiVersion = exec.ApiVersion,
            Command = exec.Command,
            Args = exec.Args ?? [],
            Env = env,
            InstallHint = exec.InstallHint,
            ProvideClusterInfo = exec.ProvideClusterInfo,
            BaseDirectory = baseDirectory,
        };
    }

    /// <summary>PEM text from base64 *-data (preferred, as kubectl) or from a file.</summary>
    private static string? Pem(string? data, string? file, string? baseDirectory, string where)
    {
        if (!string.IsNullOrEmpty(data))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data.Trim()));
            }
            catch (FormatException e)
            {
                throw new KubeConfigException($"{where}-data is not base64: encode the PEM with 'base64 -w0'.", e);
            }
        }

        if (string.IsNullOrEmpty(file)) return null;
        var path = ResolvePath(file, baseDirectory);
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new KubeConfigException($"{where} file '{path}' could not be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new KubeConfigException($"{where} file '{path}' could not be read: {e.Message}", e);
        }
    }

    private static string ResolvePath(string path, string? baseDirectory)
    {
        if (path.StartsWith("~/", StringComparison.Ordinal))
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        return Path.IsPathRooted(path) || baseDirectory is null ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
    }

    private static string Names<T>(List<NamedEntry<T>> entries)
        where T : class =>
        entries.Count == 0 ? "none" : string.Join(", ", entries.ConvertAll(e => e.Name));
}
