using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>
/// A ResourceList (cpu: "500m", memory: 128Mi). Quantities are int-or-string in the API, so a user's
/// <c>cpu: 1</c> arrives as a JSON number; it is kept as its text.
/// </summary>
public sealed class QuantityMapConverter : JsonConverter<IDictionary<string, string>>
{
    public override IDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a map of resource quantities");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            result[key] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                _ => throw new JsonException($"resource quantity '{key}' must be a string or a number"),
            };
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, IDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, quantity) in value) writer.WriteString(key, quantity);
        writer.WriteEndObject();
    }
}
