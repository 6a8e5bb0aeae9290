using Spindle.Toml;

namespace Spindle.Spin.RuntimeConfig;

/// <summary>
/// A typed runtime-config table (<c>[key_value_store.&lt;label&gt;]</c>, <c>[sqlite_database.&lt;label&gt;]</c>,
/// <c>[[variables_provider]]</c>, <c>[llm_compute]</c>): its <c>type</c> and its other keys as written.
/// </summary>
public sealed class RuntimeConfigEntry
{
    public string Type { get; init; } = "";

    /// <summary>All keys of the table, including <c>type</c>.</summary>
    public TomlTable Settings { get; init; } = new();

    public TomlPosition Position { get; init; }

    /// <summary>A string setting, or null when absent.</summary>
    public string? GetString(string key) => Settings.TryGetValue(key, out var node) && node is TomlString s ? s.Value : null;

    /// <summary>
    /// A path setting made absolute: Spin resolves key-value <c>path</c> against the runtime-config file's directory
    /// and SQLite <c>path</c> against the working directory; the caller passes the right base.
    /// </summary>
    public string? GetPath(string key, string baseDirectory)
        => GetString(key) is { } path ? Path.GetFullPath(Path.Combine(baseDirectory, path)) : null;

    public bool GetBool(string key) => Settings.TryGetValue(key, out var node) && node is TomlBoolean { Value: true };

    /// <summary>A table of strings (e.g. a <c>static</c> provider's <c>values</c>).</summary>
    public IReadOnlyDictionary<string, string> GetStringMap(string key)
    {
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        if (Settings.TryGetValue(key, out var node) && node is TomlTable table)
        {
            foreach (var (name, value) in table)
            {
                if (value is TomlString s) result[name] = s.Value;
            }
        }

        return result;
    }
}
