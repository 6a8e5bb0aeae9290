using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Spindle.Kubernetes.Config;

/// <summary>
/// Finds the API server like kubectl: an explicit --kubeconfig, else KUBECONFIG (files merged, first definition wins),
/// else ~/.kube/config, else the in-cluster service account.
/// </summary>
public static partial class KubeConfigLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    /// <summary>Resolves <paramref name="context"/> (or current-context) of the kubeconfig kubectl would use.</summary>
    public static KubernetesClientConfiguration Load(string? kubeconfigPath = null, string? context = null) =>
        Load(kubeconfigPath, context, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), InClusterRoot);

    internal static KubernetesClientConfiguration Load(
        string? kubeconfigPath, string? context, Func<string, string?> environment, string home, string inClusterRoot)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            if (Directory.Exists(kubeconfigPath))
            {
                throw new KubeConfigException($"kubeconfig '{kubeconfigPath}' is a directory: pass the kubeconfig file itself to --kubeconfig.");
            }

            if (!File.Exists(kubeconfigPath)) throw new KubeConfigException($"kubeconfig '{kubeconfigPath}' does not exist: check --kubeconfig.");
            return FromFiles([kubeconfigPath], context);
        }

        var variable = environment("KUBECONFIG");
        if (!string.IsNullOrEmpty(variable))
        {
            var files = new List<string>();
            foreach (var path in variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (File.Exists(path) && !files.Contains(path)) files.Add(path);
            }

            if (files.Count == 0) throw new KubeConfigException($"KUBECONFIG='{variable}' names no existing file: fix or unset KUBECONFIG.");
            return FromFiles(files, context);
        }

        var defaultPath = Path.Combine(home, ".kube", "config");
        if (File.Exists(defaultPath)) return FromFiles([defaultPath], context);

        if (!string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST"))) return InCluster(environment, inClusterRoot);
        throw new KubeConfigException(
            $"no Kubernetes configuration: pass --kubeconfig, set KUBECONFIG, create {defaultPath}, or run inside a cluster.");
    }

    /// <summary>Merges several kubeconfig files (kubectl's rules: the first file to define a name or current-context wins).</summary>
    public static KubernetesClientConfiguration FromFiles(IReadOnlyList<string> paths, string? context = null)
    {
        var merged = new KubeConfigFile { Clusters = [], Users = [], Contexts = [] };
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            Merge(merged, Parse(File.ReadAllText(full), full), Path.GetDirectoryName(full), full);
        }

        return Resolve(merged, context, string.Join(Path.PathSeparator, paths));
    }

    /// <summary>One kubeconfig document; relative file paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static KubernetesClientConfiguration FromYaml(string yaml, string? context = null, string? baseDirectory = null)
    {
        var merged = new KubeConfigFile { Clusters = [], Users = [], Contexts = [] };
        Merge(merged, Parse(yaml, "kubeconfig"), baseDirectory ?? Directory.GetCurrentDirectory(), "kubeconfig");
        return Resolve(merged, context, "kubeconfig");
    }

    private static KubeConfigFile Parse(string yaml, string source)
    {
        try
        {
            return Yaml.Deserialize<KubeConfigFile?>(yaml) ?? new KubeConfigFile();
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"{source}: not a valid kubeconfig at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static void Merge(KubeConfigFile into, KubeConfigFile file, string? baseDirectory, string source)
    {
        into.CurrentContext ??= string.IsNullOrEmpty(file.CurrentContext) ? null : file.CurrentContext;
        MergeEntries(into.Clusters!, file.Clusters, baseDirectory, source);
        MergeEntries(into.Users!, file.Users, baseDirectory, source);
        MergeEntries(into.Contexts!, file.Contexts, baseDirectory, source);
    }

    private static void MergeEntries<T>(List<NamedEntry<T>> into, List<NamedEntry<T>>? entries, string? baseDirectory, string source)
        where T : class
    {
        if (entries is null) return;
        foreach (var entry in entries)
        {
            if (entry.Name is null || into.Exists(e => e.Name == entry.Name)) continue;
            entry.BaseDirectory = baseDirectory;
            entry.File = source;
            into.Add(entry);
        }
    }
}
