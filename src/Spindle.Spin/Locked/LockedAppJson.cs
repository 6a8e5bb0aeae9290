using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Spindle.Spin.Locked;

/// <summary>Source-generated serialization for the locked app.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(LockedApp))]
internal sealed partial class LockedAppJsonContext : JsonSerializerContext;

internal static class LockedAppJson
{
    /// <summary>
    /// Spin's serde attributes skip empty maps and lists (<c>skip_serializing_if = "is_empty"</c>); a resolver
    /// modifier does the same here for every collection-typed property.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = LockedAppJsonContext.Default.WithAddedModifier(SkipEmptyCollections),
    };

    private static void SkipEmptyCollections(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in typeInfo.Properties)
        {
            // These are always written by Spin, even when empty.
            if (property.Name is "trigger_config" or "triggers" or "components") continue;
            if (property.PropertyType == typeof(JsonObject) || typeof(ICollection).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = static (_, value) => value switch
                {
                    null => false,
                    JsonObject o => o.Count > 0,
                    byte[] => true,
                    ICollection c => c.Count > 0,
                    _ => true,
                };
            }
        }
    }
}
