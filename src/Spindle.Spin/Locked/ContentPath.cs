using System.Text.Json.Serialization;

namespace Spindle.Spin.Locked;

/// <summary>Content (usually a <c>file://</c> directory) mounted at a guest path.</summary>
public sealed class ContentPath
{
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

    /// <summary>The guest mount path, e.g. <c>/</c>.</summary>
    [JsonPropertyName("path")]
    public string Path { get; set; } = "/";
}
