using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>The app's Spin runtime configuration: a user Secret, or stores from which the operator generates one.</summary>
public sealed class RuntimeConfig
{
    [CrdDescription("LoadFromSecret names a Secret with a runtime-config.toml key; when set the other fields are ignored.")]
    public string? LoadFromSecret { get; set; }

    [CrdDescription("SqliteDatabases provide SQLite database implementations.")]
    public IList<SqliteDatabaseConfig>? SqliteDatabases { get; set; }

    [CrdDescription("KeyValueStores provide key-value store implementations.")]
    public IList<KeyValueStoreConfig>? KeyValueStores { get; set; }

    [CrdDescription("LlmCompute configures the LLM compute backend.")]
    public LlmComputeConfig? LlmCompute { get; set; }
}
