using System.Globalization;
using System.Text.Json.Nodes;

namespace Spindle.Toml.Tests.Conformance;

/// <summary>
/// toml-test's tagged JSON ({"type":"integer","value":"42"}) and its comparison rules: integers and
/// floats by value (any nan equals any nan), date-times as instants to the millisecond.
/// </summary>
internal static class TaggedJson
{
    public static JsonNode FromToml(TomlNode node) => node switch
    {
        TomlTable table => FromTable(table),
        TomlArray array => FromArray(array),
        TomlString s => Tag("string", s.Value),
        TomlInteger i => Tag("integer", i.Value.ToString(CultureInfo.InvariantCulture)),
        TomlFloat f => Tag("float", FormatFloat(f.Value)),
        TomlBoolean b => Tag("bool", b.Value ? "true" : "false"),
        TomlDateTime d => Tag(DateTimeType(d.Kind), d.Text),
        _ => throw new InvalidOperationException(node.Kind.ToString()),
    };

    /// <summary>Null when equal, otherwise the path and the difference.</summary>
    public static string? Compare(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (expected is JsonObject e && IsTagged(e))
        {
            if (actual is not JsonObject a || !IsTagged(a))
            {
                return $"{path}: expected {e.ToJsonString()}, got {actual?.ToJsonString() ?? "nothing"}";
            }

            var type = (string)e["type"]!;
            var actualType = (string)a["type"]!;
            var ev = (string)e["value"]!;
            var av = (string)a["value"]!;
            if (type != actualType || !ScalarEquals(type, ev, av))
            {
                return $"{path}: expected {e.ToJsonString()}, got {a.ToJsonString()}";
            }

            return null;
        }

        if (expected is JsonObject eo)
        {
            if (actual is not JsonObject ao || IsTagged(ao))
            {
                return $"{path}: expected a table, got {actual?.ToJsonString() ?? "nothing"}";
            }

            foreach (var (key, value) in eo)
            {
                if (!ao.TryGetPropertyValue(key, out var actualValue))
                {
                    return $"{path}: missing key '{key}'";
                }

                if (Compare(value, actualValue, $"{path}.{key}") is { } difference)
                {
                    return difference;
                }
            }

            foreach (var (key, _) in ao)
            {
                if (!eo.ContainsKey(key))
                {
                    return $"{path}: unexpected key '{key}'";
                }
            }

            return null;
        }

        if (expected is JsonArray ea)
        {
            if (actual is not JsonArray aa || aa.Count != ea.Count)
            {
                return $"{path}: expected an array of {ea.Count}, got {actual?.ToJsonString() ?? "nothing"}";
            }

            for (var i = 0; i < ea.Count; i++)
            {
                if (Compare(ea[i], aa[i], $"{path}[{i}]") is { } difference)
                {
                    return difference;
                }
            }

            return null;
        }

        return $"{path}: unexpected expected-value shape {expected?.ToJsonString()}";
    }

    private static bool IsTagged(JsonObject o)
        => o.Count == 2 && o["type"] is JsonValue t && t.TryGetValue<string>(out _) && o["value"] is JsonValue v && v.TryGetValue<string>(out _);

    private static bool ScalarEquals(string type, string expected, string actual) => type switch
    {
        "integer" => long.Parse(expected, CultureInfo.InvariantCulture) == long.Parse(actual, CultureInfo.InvariantCulture),
        "float" => ParseFloat(expected) is var x && ParseFloat(actual) is var y && (x.Equals(y) || (double.IsNaN(x) && double.IsNaN(y))),
        "bool" => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase),
        "datetime" => ParseInstant(expected) == ParseInstant(actual),
        "datetime-local" or "date-local" or "time-local" => ParseLocal(expected) == ParseLocal(actual),
        _ => expected == actual,
    };

    private static double ParseFloat(string text) => text switch
    {
        "nan" or "+nan" or "-nan" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string FormatFloat(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>UTC ticks truncated to milliseconds (toml-test compares no finer).</summary>
    private static long ParseInstant(string text)
    {
        var normalized = Normalize(text);
        var value = DateTimeOffset.Parse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return value.UtcTicks / TimeSpan.TicksPerMillisecond;
    }

    private static long ParseLocal(string text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 10)
        {
            return DateOnly.ParseExact(normalized, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
        }

        if (normalized[2] == ':')
        {
            return TimeOnly.Parse(normalized, CultureInfo.InvariantCulture).Ticks / TimeSpan.TicksPerMillisecond;
        }

        return DateTime.Parse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None).Ticks / TimeSpan.TicksPerMillisecond;
    }

    /// <summary>'T' separator, upper-case 'Z', and at most 7 fraction digits (what .NET parses).</summary>
    private static string Normalize(string text)
    {
        var chars = text.ToUpperInvariant().ToCharArray();
        if (chars.Length > 10 && chars[10] == ' ')
        {
            chars[10] = 'T';
        }

        var result = new string(chars);
        var dot = result.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return result;
        }

        var end = dot + 1;
        while (end < result.Length && char.IsAsciiDigit(result[end]))
        {
            end++;
        }

        return end - dot - 1 > 7 ? result[..(dot + 8)] + result[end..] : result;
    }

    private static string DateTimeType(TomlNodeKind kind) => kind switch
    {
        TomlNodeKind.OffsetDateTime => "datetime",
        TomlNodeKind.LocalDateTime => "datetime-local",
        TomlNodeKind.LocalDate => "date-local",
        _ => "time-local",
    };

    private static JsonObject Tag(string type, string value) => new() { ["type"] = type, ["value"] = value };

    private static JsonObject FromTable(TomlTable table)
    {
        var result = new JsonObject();
        foreach (var (key, value) in table)
        {
            result[key] = FromToml(value);
        }

        return result;
    }

    private static JsonArray FromArray(TomlArray array)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            result.Add(FromToml(item));
        }

        return result;
    }
}
