using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spindle.Kubernetes.Models.Core;

/// <summary>
/// core/v1 Volume. Only the secret source is typed (the operator builds those); every other source a user writes
/// (persistentVolumeClaim, configMap, emptyDir...) is carried through unchanged in <see cref="Other"/>.
/// </summary>
public sealed class Volume
{
    public string Name { get; set; } = "";

    public SecretVolumeSource? Secret { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
