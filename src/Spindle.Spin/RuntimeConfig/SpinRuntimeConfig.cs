using Spindle.Spin.Variables;

namespace Spindle.Spin.RuntimeConfig;

/// <summary>
/// A Spin <c>runtime-config.toml</c>: key-value stores, SQLite databases, variable providers, LLM compute and
/// outbound networking settings. Load with <see cref="Load"/>/<see cref="Parse"/>, which validate every table and
/// report all problems at once in a <see cref="RuntimeConfigException"/>.
/// </summary>
public sealed class SpinRuntimeConfig
{
    public string? SourcePath { get; init; }

    /// <summary><c>[key_value_store.&lt;label&gt;]</c>: <c>spin</c>, <c>redis</c>, <c>azure_cosmos</c>, <c>aws_dynamo</c>.</summary>
    public IReadOnlyDictionary<string, RuntimeConfigEntry> KeyValueStores { get; init; } = new Dictionary<string, RuntimeConfigEntry>();

    /// <summary><c>[sqlite_database.&lt;label&gt;]</c>: <c>spin</c>, <c>libsql</c>.</summary>
    public IReadOnlyDictionary<string, RuntimeConfigEntry> SqliteDatabases { get; init; } = new Dictionary<string, RuntimeConfigEntry>();

    /// <summary><c>[[variables_provider]]</c> (alias <c>[[config_provider]]</c>), tried in order: <c>vault</c>, <c>azure_key_vault</c>, <c>static</c>, <c>env</c>.</summary>
    public IReadOnlyList<RuntimeConfigEntry> VariablesProviders { get; init; } = [];

    /// <summary><c>[llm_compute]</c>: <c>spin</c> (local models) or <c>remote_http</c>.</summary>
    public RuntimeConfigEntry? LlmCompute { get; init; }

    /// <summary><c>[outbound_networking] block_networks</c>: CIDRs, or <c>"private"</c>.</summary>
    public IReadOnlyList<string> BlockNetworks { get; init; } = [];

    /// <summary><c>[outbound_networking] max_total_connections</c>.</summary>
    public long? MaxTotalConnections { get; init; }

    public IReadOnlyList<ClientTlsConfig> ClientTls { get; init; } = [];

    /// <summary><c>[outbound_redis|outbound_pg|outbound_mysql|outbound_mqtt|outbound_http] max_connections</c>, by table name.</summary>
    public IReadOnlyDictionary<string, long> MaxConnections { get; init; } = new Dictionary<string, long>();

    /// <summary>The directory relative paths are resolved against (the file's directory).</summary>
    public string? BaseDirectory => SourcePath is null ? null : Path.GetDirectoryName(Path.GetFullPath(SourcePath));

    public static SpinRuntimeConfig Load(string path)
    {
        var name = Path.GetFileName(path);
        byte[] utf8;
        try
        {
            // Bytes, not text: TOML must be valid UTF-8, and File.ReadAllText would silently replace bad bytes.
            utf8 = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RuntimeConfigException([new Manifest.ManifestError(path, 0, 0, "Failed to read runtime config: the file does not exist. Check the path given with --runtime-config-file")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeConfigException([new Manifest.ManifestError(path, 0, 0, $"Failed to read runtime config: {e.Message}")]);
        }

        return RuntimeConfigParser.Parse(TomlInput.Parse(utf8, name, errors => new RuntimeConfigException(errors)), name, path);
    }

    public static SpinRuntimeConfig Parse(string text, string sourceName = "runtime-config.toml", string? path = null) =>
        RuntimeConfigParser.Parse(TomlInput.Parse(text, sourceName, errors => new RuntimeConfigException(errors)), sourceName, path);

    /// <summary>
    /// The variable providers in resolution order: the configured ones, then the <c>env</c> provider Spin always
    /// appends (unless one is configured). Vault and Azure Key Vault are parsed but cannot be used yet.
    /// </summary>
    public IReadOnlyList<IVariableProvider> CreateVariableProviders(Func<string, string?>? getEnvironmentVariable = null)
    {
        var providers = new List<IVariableProvider>();
        var hasEnv = false;
        foreach (var entry in VariablesProviders)
        {
            switch (entry.Type)
            {
                case "static":
                    providers.Add(new StaticVariableProvider(entry.GetStringMap("values")));
                    break;
                case "env":
                    hasEnv = true;
                    var dotenv = entry.GetString("dotenv_path") ?? ".env";
                    providers.Add(new EnvironmentVariableProvider(entry.GetString("prefix"), Path.GetFullPath(dotenv), getEnvironmentVariable));
                    break;
                default:
                    throw new RuntimeConfigException([new Manifest.ManifestError(SourcePath ?? "runtime-config.toml", entry.Position.Line, entry.Position.Column,
                        $"variables provider type {RustDebug.String(entry.Type)} is not supported by Spindle yet", "Use the `static` or `env` provider, or SPIN_VARIABLE_<NAME> environment variables")]);
            }
        }

        if (!hasEnv) providers.Add(new EnvironmentVariableProvider(null, Path.GetFullPath(".env"), getEnvironmentVariable));
        return providers;
    }

    /// <summary>The summary Spin prints at startup, e.g. <c>[key_value_store.cache: redis]</c>.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        foreach (var (label, entry) in KeyValueStores) parts.Add($"[key_value_store.{label}: {entry.Type}]");
        foreach (var (label, entry) in SqliteDatabases) parts.Add($"[sqlite_database.{label}: {entry.Type}]");
        if (LlmCompute is { } llm) parts.Add($"[llm_compute: {llm.Type}]");
        return string.Join(", ", parts);
    }
}
