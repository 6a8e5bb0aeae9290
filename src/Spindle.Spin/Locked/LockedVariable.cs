using System.Text.Json.Serialization;

namespace Spindle.Spin.Locked;

/// <summary>An application variable in the locked app: no default means required.</summary>
public sealed class LockedVariable
{
    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; set; }

    [JsonPropertyName("default")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Default { get; set; }

    [JsonPropertyName("secret")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Secret { get; set; }

    [JsonIgnore]
    public bool IsRequired => Default is null;
}
