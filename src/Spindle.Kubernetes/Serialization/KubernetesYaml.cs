using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spindle.Kubernetes.Models.Meta;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Spindle.Kubernetes.Serialization;

/// <summary>
/// Manifests as kubectl reads them: multi-document YAML turned into JSON with go-yaml's (YAML 1.1) scalar rules,
/// so `replicas: 3` is a number, `enabled: yes` a boolean and `"3"` a string.
/// </summary>
public static partial class KubernetesYaml
{
    /// <summary>One JSON text per non-empty document.</summary>
    public static IReadOnlyList<string> ToJsonDocuments(string yaml, string source = "manifest")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this for some unterminated flow collections.
            throw new FormatException($"{source}: invalid YAML (an unclosed [ or {{?): {e.Message}", e);
        }

        var documents = new List<string>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" }) continue;
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer, document.RootNode);
            }

            documents.Add(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        return documents;
    }

    /// <summary>Each document as an <see cref="UnstructuredObject"/>; every one must have apiVersion, kind and metadata.name.</summary>
    public static IReadOnlyList<UnstructuredObject> ReadObjects(string yaml, string source = "manifest")
    {
        var objects = new List<UnstructuredObject>();
        var errors = new List<string>();
        var index = 0;
        foreach (var json in ToJsonDocuments(yaml, source))
        {
            index++;
            UnstructuredObject? obj;
            try
            {
                obj = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.UnstructuredObject);
            }
            catch (JsonException e)
            {
                errors.Add($"{source} document {index}: not a Kubernetes object ({e.Message})");
                continue;
            }

            if (obj is null || string.IsNullOrEmpty(obj.ApiVersion) || string.IsNullOrEmpty(obj.Kind) || string.IsNullOrEmpty(obj.Metadata.Name))
            {
                errors.Add($"{source} document {index}: apiVersion, kind and metadata.name are required");
                continue;
            }

            objects.Add(obj);
        }

        if (errors.Count > 0) throw new FormatException(string.Join(Environment.NewLine, errors));
        return objects;
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value ?? "");
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children) Write(writer, item);
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || (scalar.Tag.IsGlobal && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            writer.WriteStringValue(value);
            return;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                writer.WriteBooleanValue(true);
                return;
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                writer.WriteBooleanValue(false);
                return;
        }

        var digits = value.Replace("_", "", StringComparison.Ordinal);
        if (DecimalInteger().IsMatch(digits) && long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            // go-yaml v2 parses with base 0: a leading 0 means octal (0755 is 493); "08" is not octal and becomes 8.
            var unsigned = digits.TrimStart('+', '-');
            if (unsigned.Length > 1 && unsigned[0] == '0' && unsigned.AsSpan().IndexOfAnyExcept("01234567") < 0)
                integer = Convert.ToInt64(unsigned, 8) * (digits[0] == '-' ? -1 : 1);
            writer.WriteNumberValue(integer);
        }
        else if (digits.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(digits.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            writer.WriteNumberValue(hex);
        }
        else if (Float().IsMatch(digits) && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$")]
    private static partial Regex Float();
}
