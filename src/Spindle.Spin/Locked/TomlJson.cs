using System.Text.Json.Nodes;
using Spindle.Toml;

namespace Spindle.Spin.Locked;

/// <summary>TOML values as JSON, with object keys sorted as Spin's (BTreeMap-backed) <c>serde_json</c> values are.</summary>
internal static class TomlJson
{
    public static JsonNode? ToJson(TomlNode node) => node switch
    {
        TomlString s => JsonValue.Create(s.Value),
        TomlInteger i => JsonValue.Create(i.Value),
        TomlFloat f => JsonValue.Create(f.Value),
        TomlBoolean b => JsonValue.Create(b.Value),
        TomlDateTime d => JsonValue.Create(d.Text),
        TomlArray a => ToJson(a),
        TomlTable t => ToJson(t),
        _ => null,
    };

    public static JsonObject ToJson(TomlTable table)
    {
        var result = new JsonObject();
        foreach (var (key, value) in table) result[key] = ToJson(value);
        return Sorted(result);
    }

    private static JsonArray ToJson(TomlArray array)
    {
        var result = new JsonArray();
        foreach (var item in array) result.Add(ToJson(item));
        return result;
    }

    /// <summary>A copy of <paramref name="obj"/> with keys in ordinal order, recursively.</summary>
    public static JsonObject Sorted(JsonObject obj)
    {
        var keys = new List<string>(obj.Count);
        foreach (var (key, _) in obj) keys.Add(key);
        keys.Sort(StringComparer.Ordinal);
        var result = new JsonObject();
        foreach (var key in keys)
        {
            var value = obj[key];
            obj.Remove(key);
            result[key] = value is JsonObject nested ? Sorted(nested) : value;
        }

        return result;
    }
}
