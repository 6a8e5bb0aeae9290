using System.Globalization;
using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary>
/// Typed access to a TOML document that records every problem (with its position) instead of stopping at the
/// first, using serde's wording so messages read as Spin's do ("missing field `name`", "unknown field `x`,
/// expected one of ...", "invalid type: integer `3`, expected a string").
/// </summary>
internal sealed class TomlReader
{
    public TomlReader(string file) => File = file;

    public string File { get; }

    public List<ManifestError> Errors { get; } = [];

    public List<ManifestError> Warnings { get; } = [];

    public void Error(TomlPosition at, string message, string? hint = null)
        => Errors.Add(new ManifestError(File, at.Line, at.Column, message, hint));

    public void Warn(TomlPosition at, string message, string? hint = null)
        => Warnings.Add(new ManifestError(File, at.Line, at.Column, message, hint));

    /// <summary>Reports keys outside <paramref name="allowed"/> (serde's <c>deny_unknown_fields</c>).</summary>
    public void CheckKeys(TomlTable table, params ReadOnlySpan<string> allowed)
    {
        foreach (var (key, _) in table)
        {
            if (allowed.Contains(key)) continue;
            Error(table.GetKeyPosition(key), $"unknown field `{key}`, {Expected(allowed)}");
        }
    }

    public string? String(TomlTable table, string key, bool required = false)
    {
        if (!table.TryGetValue(key, out var node))
        {
            if (required) Missing(table, key);
            return null;
        }

        if (node is TomlString s) return s.Value;
        InvalidType(node, "a string");
        return null;
    }

    public bool Bool(TomlTable table, string key)
    {
        if (!table.TryGetValue(key, out var node)) return false;
        if (node is TomlBoolean b) return b.Value;
        InvalidType(node, "a boolean");
        return false;
    }

    public long? Integer(TomlTable table, string key)
    {
        if (!table.TryGetValue(key, out var node)) return null;
        if (node is TomlInteger i) return i.Value;
        InvalidType(node, "an integer");
        return null;
    }

    public TomlTable? Table(TomlTable table, string key, bool required = false)
    {
        if (!table.TryGetValue(key, out var node))
        {
            if (required) Missing(table, key);
            return null;
        }

        if (node is TomlTable t) return t;
        InvalidType(node, "a table");
        return null;
    }

    public TomlArray? Array(TomlTable table, string key)
    {
        if (!table.TryGetValue(key, out var node)) return null;
        if (node is TomlArray a) return a;
        InvalidType(node, "a sequence");
        return null;
    }

    /// <summary>An array of strings; with <paramref name="positions"/>, where each string was written.</summary>
    public IReadOnlyList<string> Strings(TomlTable table, string key, List<TomlPosition>? positions = null)
    {
        var array = Array(table, key);
        if (array is null) return [];
        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is TomlString s)
            {
                result.Add(s.Value);
                positions?.Add(s.Position);
            }
            else
            {
                InvalidType(item, "a string");
            }
        }

        return result;
    }

    /// <summary>A table of strings in document order (e.g. <c>environment</c>).</summary>
    public IReadOnlyDictionary<string, string> StringMap(TomlTable table, string key)
    {
        var map = Table(table, key);
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        if (map is null) return result;
        foreach (var (name, node) in map)
        {
            if (node is TomlString s) result[name] = s.Value;
            else InvalidType(node, "a string");
        }

        return result;
    }

    /// <summary>A table of tables (e.g. <c>tool</c>, <c>[application.trigger]</c>).</summary>
    public IReadOnlyDictionary<string, TomlTable> TableMap(TomlTable table, string key)
    {
        var map = Table(table, key);
        var result = new OrderedDictionary<string, TomlTable>(StringComparer.Ordinal);
        if (map is null) return result;
        foreach (var (name, node) in map)
        {
            if (node is TomlTable t) result[name] = t;
            else InvalidType(node, "a table");
        }

        return result;
    }

    public void Missing(TomlTable table, string key) => Error(table.Position, $"missing field `{key}`");

    public void InvalidType(TomlNode node, string expected) => Error(node.Position, $"invalid type: {Describe(node)}, expected {expected}");

    public static string Describe(TomlNode node) => node switch
    {
        TomlString s => $"string {RustDebug.String(s.Value)}",
        TomlInteger i => $"integer `{i.Value.ToString(CultureInfo.InvariantCulture)}`",
        TomlFloat f => $"floating point `{f.Value.ToString("R", CultureInfo.InvariantCulture)}`",
        TomlBoolean b => $"boolean `{(b.Value ? "true" : "false")}`",
        TomlArray => "sequence",
        TomlTable => "map",
        _ => node.TypeName,
    };

    private static string Expected(ReadOnlySpan<string> allowed) => allowed.Length switch
    {
        0 => "there are no fields",
        1 => $"expected `{allowed[0]}`",
        2 => $"expected `{allowed[0]}` or `{allowed[1]}`",
        _ => "expected one of " + string.Join(", ", Quote(allowed)),
    };

    private static string[] Quote(ReadOnlySpan<string> values)
    {
        var result = new string[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = $"`{values[i]}`";
        return result;
    }
}
