using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>Writes a JSON number or string, whichever the value holds.</summary>
public sealed class IntOrStringConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? IntOrString.FromInt(reader.GetInt32()) : IntOrString.FromString(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.Name is not null) writer.WriteStringValue(value.Name);
        else writer.WriteNumberValue(value.Number ?? 0);
    }
}
