using System.Text;

namespace Spindle.Operator.Reconciliation;

/// <summary>
/// Writes the generated runtime config exactly as spin-operator's go-toml/v2 encoding does (literal 'strings',
/// sorted keys, a blank line between top-level tables), so the Secret name (an Adler-32 of these bytes) matches.
/// </summary>
internal static class RuntimeConfigToml
{
    /// <summary>The TOML bytes: the env config provider, then key_value_store, sqlite_database and llm_compute tables.</summary>
    public static byte[] Write(
        SortedDictionary<string, SortedDictionary<string, string>> keyValueStores,
        SortedDictionary<string, SortedDictionary<string, string>> sqliteDatabases,
        SortedDictionary<string, string>? llmCompute)
    {
        var toml = new StringBuilder();
        toml.Append("[[config_provider]]\ntype = 'env'\nprefix = 'SPIN_VARIABLE_'\n");
        WriteTableOfTables(toml, "key_value_store", keyValueStores);
        WriteTableOfTables(toml, "sqlite_database", sqliteDatabases);
        if (llmCompute is { Count: > 0 })
        {
            toml.Append("\n[llm_compute]\n");
            WriteKeyValues(toml, llmCompute);
        }

        return Encoding.UTF8.GetBytes(toml.ToString());
    }

    private static void WriteTableOfTables(StringBuilder toml, string name, SortedDictionary<string, SortedDictionary<string, string>> tables)
    {
        if (tables.Count == 0) return;
        toml.Append('\n').Append('[').Append(name).Append("]\n");
        var first = true;
        foreach (var (key, values) in tables)
        {
            if (!first) toml.Append('\n');
            first = false;
            toml.Append('[').Append(name).Append('.').Append(Key(key)).Append("]\n");
            WriteKeyValues(toml, values);
        }
    }

    private static void WriteKeyValues(StringBuilder toml, SortedDictionary<string, string> values)
    {
        foreach (var (key, value) in values) toml.Append(Key(key)).Append(" = ").Append(String(value)).Append('\n');
    }

    /// <summary>A bare key when it is only A-Za-z0-9_-, else a literal 'key', else a "basic" one.</summary>
    internal static string Key(string key)
    {
        if (key.Length == 0) return "''";
        var bare = true;
        var literalOk = true;
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_') continue;
            bare = false;
            if (c == '\'') literalOk = false;
        }

        if (bare) return key;
        return literalOk && !NeedsQuoting(key) ? "'" + key + "'" : Basic(key);
    }

    /// <summary>A literal 'string' unless it holds a quote, a newline or a control character.</summary>
    internal static string String(string value) => NeedsQuoting(value) ? Basic(value) : "'" + value + "'";

    private static bool NeedsQuoting(string value)
    {
        foreach (var c in value)
        {
            if (c is '\'' or '\r' or '\n' or '\x7f' || (c < ' ' && c != '\t')) return true;
        }

        return false;
    }

    private static string Basic(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\b' => quoted.Append("\\b"),
                '\f' => quoted.Append("\\f"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                < ' ' or '\x7f' => quoted.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
