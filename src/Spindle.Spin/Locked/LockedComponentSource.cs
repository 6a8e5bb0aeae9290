using System.Text.Json.Serialization;

namespace Spindle.Spin.Locked;

/// <summary>
/// A component's Wasm: a content type plus Spin's flattened <c>ContentRef</c> (at least one of a URI
/// <see cref="Source"/>, base64 <see cref="Inline"/> bytes, or a <c>sha256:</c> <see cref="Digest"/>).
/// </summary>
public sealed class LockedComponentSource
{
    [JsonPropertyName("content_type")]
    public string ContentType { get; set; } = "application/wasm";

    [JsonPropertyName("source")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; set; }

    [JsonPropertyName("inline")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(UnpaddedBase64Converter))]
    public byte[]? Inline { get; set; }

    [JsonPropertyName("digest")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Digest { get; set; }
}
