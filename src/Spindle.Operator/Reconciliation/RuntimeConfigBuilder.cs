using System.Text;
using Spindle.Operator.Api;

namespace Spindle.Operator.Reconciliation;

/// <summary>
/// Turns a SpinApp's runtimeConfig into runtime-config.toml bytes, resolving option values from the Secrets and
/// ConfigMaps they reference (fetched by the caller, see <see cref="Dependencies"/>).
/// </summary>
internal static class RuntimeConfigBuilder
{
    /// <summary>The Secrets and ConfigMaps the options read, each name once, in first-use order.</summary>
    public static (IReadOnlyList<string> Secrets, IReadOnlyList<string> ConfigMaps) Dependencies(RuntimeConfig? config)
    {
        var secrets = new List<string>();
        var configMaps = new List<string>();
        foreach (var option in Options(config))
        {
            if (option.ValueFrom?.SecretKeyRef?.Name is { } secret && !secrets.Contains(secret)) secrets.Add(secret);
            if (option.ValueFrom?.ConfigMapKeyRef?.Name is { } configMap && !configMaps.Contains(configMap)) configMaps.Add(configMap);
        }

        return (secrets, configMaps);
    }

    /// <summary>
    /// The TOML to generate, or null when the app loads its runtime config from its own Secret. Without any
    /// runtimeConfig the result is still the env config provider alone (SpinKube always generates one).
    /// </summary>
    public static byte[]? Build(
        RuntimeConfig? config,
        IReadOnlyDictionary<string, IDictionary<string, byte[]>> secrets,
        IReadOnlyDictionary<string, IDictionary<string, string>> configMaps)
    {
        if (!string.IsNullOrEmpty(config?.LoadFromSecret)) return null;

        var keyValueStores = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var store in config?.KeyValueStores ?? [])
        {
            if (keyValueStores.ContainsKey(store.Name))
            {
                throw new ReconcileException($"duplicate definition for key value store with name: {store.Name}");
            }

            keyValueStores[store.Name] = Table(store.Type, store.Options, secrets, configMaps);
        }

        var sqliteDatabases = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var database in config?.SqliteDatabases ?? [])
        {
            if (sqliteDatabases.ContainsKey(database.Name))
            {
                throw new ReconcileException($"duplicate definition for sqlite database with name: {database.Name}");
            }

            sqliteDatabases[database.Name] = Table(database.Type, database.Options, secrets, configMaps);
        }

        var llm = config?.LlmCompute is { } llmCompute ? Table(llmCompute.Type, llmCompute.Options, secrets, configMaps) : null;
        return RuntimeConfigToml.Write(keyValueStores, sqliteDatabases, llm);
    }

    private static SortedDictionary<string, string> Table(
        string type,
        IList<RuntimeConfigOption>? options,
        IReadOnlyDictionary<string, IDictionary<string, byte[]>> secrets,
        IReadOnlyDictionary<string, IDictionary<string, string>> configMaps)
    {
        var table = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["type"] = type };
        foreach (var option in options ?? [])
        {
            table[option.Name] = Resolve(option, secrets, configMaps);
        }

        return table;
    }

    private static string Resolve(
        RuntimeConfigOption option,
        IReadOnlyDictionary<string, IDictionary<string, byte[]>> secrets,
        IReadOnlyDictionary<string, IDictionary<string, string>> configMaps)
    {
        if (!string.IsNullOrEmpty(option.Value)) return option.Value;
        if (option.ValueFrom?.ConfigMapKeyRef is { } cmRef)
        {
            if (!configMaps.TryGetValue(cmRef.Name ?? "", out var data))
            {
                throw new ReconcileException($"runtime config option '{option.Name}' reads ConfigMap '{cmRef.Name}', which was not found: create it in the app's namespace");
            }

            return data.TryGetValue(cmRef.Key, out var value) ? value : "";
        }

        if (option.ValueFrom?.SecretKeyRef is { } secretRef)
        {
            if (!secrets.TryGetValue(secretRef.Name ?? "", out var data))
            {
                throw new ReconcileException($"runtime config option '{option.Name}' reads Secret '{secretRef.Name}', which was not found: create it in the app's namespace");
            }

            return data.TryGetValue(secretRef.Key, out var value) ? Encoding.UTF8.GetString(value) : "";
        }

        return "";
    }

    private static IEnumerable<RuntimeConfigOption> Options(RuntimeConfig? config)
    {
        foreach (var store in config?.KeyValueStores ?? [])
        {
            foreach (var option in store.Options ?? []) yield return option;
        }

        foreach (var database in config?.SqliteDatabases ?? [])
        {
            foreach (var option in database.Options ?? []) yield return option;
        }

        foreach (var option in config?.LlmCompute?.Options ?? []) yield return option;
    }
}
