using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spindle.Operator.Crds;

/// <summary>
/// Writes a JSON tree as block YAML in the layout of sigs.k8s.io/yaml (2-space indent, sequences at their key's
/// indent, keys in the tree's order), quoting only scalars that would otherwise read as something else.
/// </summary>
internal static partial class YamlWriter
{
    public static string Write(JsonNode node)
    {
        var yaml = new StringBuilder();
        WriteValue(yaml, node, 0, afterDash: false);
        return yaml.ToString();
    }

    private static void WriteValue(StringBuilder yaml, JsonNode? node, int indent, bool afterDash)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!(first && afterDash)) yaml.Append(' ', indent);
                    first = false;
                    yaml.Append(Scalar(key)).Append(':');
                    WriteChild(yaml, value, indent);
                }

                break;
            case JsonArray array when array.Count > 0:
                var firstItem = true;
                foreach (var item in array)
                {
                    if (!(firstItem && afterDash)) yaml.Append(' ', indent);
                    firstItem = false;
                    yaml.Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        WriteValue(yaml, item, indent + 2, afterDash: true);
                    }
                    else
                    {
                        yaml.Append(Inline(item)).Append('\n');
                    }
                }

                break;
            default:
                yaml.Append(Inline(node)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder yaml, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 }:
                yaml.Append('\n');
                WriteValue(yaml, value, indent + 2, afterDash: false);
                break;
            case JsonArray { Count: > 0 }:
                yaml.Append('\n');
                WriteValue(yaml, value, indent, afterDash: false);
                break;
            default:
                yaml.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static string Inline(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Scalar(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => "true",
        JsonValue value when value.GetValueKind() == JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    /// <summary>A plain scalar when YAML reads it back as the same string, else a double-quoted one.</summary>
    internal static string Scalar(string text)
    {
        if (PlainSafe().IsMatch(text) && !LooksTyped(text)) return text;
        return QuoteDouble(text);
    }

    private static bool LooksTyped(string text) =>
        text is "true" or "false" or "True" or "False" or "TRUE" or "FALSE" or "yes" or "no" or "Yes" or "No" or "on" or "off"
            or "On" or "Off" or "y" or "n" or "Y" or "N" or "null" or "Null" or "NULL" or "~"
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("0o", StringComparison.OrdinalIgnoreCase);

    private static string QuoteDouble(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                '\r' => quoted.Append("\\r"),
                < ' ' => quoted.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    // Starts with a letter, digit, '.', '/', '_' or '-' not followed by space; no ": ", " #", or flow/indicator characters.
    [GeneratedRegex(@"^(?![-?:](\s|$))[A-Za-z0-9_./$-][A-Za-z0-9 _./$()<>=+,;'-]*(?<! )$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainSafe();
}
