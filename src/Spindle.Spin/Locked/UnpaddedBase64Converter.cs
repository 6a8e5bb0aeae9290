using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spindle.Spin.Locked;

/// <summary>
/// Spin's locked app writes <c>inline</c> content as standard base64 without <c>=</c> padding and rejects
/// padding on read; we write it the same way and accept both, so lock files travel either way.
/// </summary>
internal sealed class UnpaddedBase64Converter : JsonConverter<byte[]>
{
    public override byte[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var text = reader.GetString() ?? "";
        var padded = (text.Length % 4) switch
        {
            2 => text + "==",
            3 => text + "=",
            _ => text,
        };
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            throw new JsonException($"'inline' content is not base64: '{(text.Length > 40 ? text[..40] + "..." : text)}'.");
        }
    }

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Convert.ToBase64String(value).TrimEnd('='));
}
