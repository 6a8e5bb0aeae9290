using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Spindle.Kubernetes.Models.Core;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Operator.Crds;

/// <summary>
/// Derives a CRD's structural OpenAPI v3 schema from the C# types by reflection, as controller-gen does from Go
/// structs: camelCase names (or [JsonPropertyName]), sorted properties, [CrdRequired]/[CrdDefault]/[CrdMinItems].
/// </summary>
internal static class OpenApiSchema
{
    public static JsonObject For(Type type) => ObjectSchema(type, description: null);

    private static JsonObject ObjectSchema(Type type, string? description)
    {
        if (type == typeof(Condition)) return ConditionSchema();

        var properties = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var required = new SortedSet<string>(StringComparer.Ordinal);
        var preserveUnknown = false;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null) continue;
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
            {
                preserveUnknown = true;
                continue;
            }

            var name = JsonName(property);
            properties[name] = PropertySchema(property);
            if (IsRequired(property)) required.Add(name);
        }

        var schema = new JsonObject();
        if (description is not null) schema["description"] = description;
        if (properties.Count > 0)
        {
            var props = new JsonObject();
            foreach (var (name, node) in properties) props[name] = node;
            schema["properties"] = props;
        }

        if (required.Count > 0) schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        schema["type"] = "object";
        if (preserveUnknown) schema["x-kubernetes-preserve-unknown-fields"] = true;
        return schema;
    }

    private static JsonNode PropertySchema(PropertyInfo property)
    {
        var description = property.GetCustomAttribute<CrdDescriptionAttribute>()?.Text;
        JsonObject schema;
        if (property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(QuantityMapConverter))
        {
            schema = new JsonObject { ["additionalProperties"] = QuantitySchema(), ["type"] = "object" };
        }
        else
        {
            schema = TypeSchema(property.PropertyType, description);
        }

        if (property.GetCustomAttribute<CrdDefaultAttribute>() is { } @default)
        {
            schema["default"] = JsonSerializer.SerializeToNode(@default.Value, @default.Value.GetType(), CrdJson.Options);
        }

        if (property.GetCustomAttribute<CrdMinItemsAttribute>() is { } minItems) schema["minItems"] = minItems.Count;
        return Sorted(description is null || schema.ContainsKey("description") ? schema : WithDescription(schema, description));
    }

    private static JsonObject TypeSchema(Type type, string? description)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new JsonObject { ["type"] = "string" };
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(int)) return new JsonObject { ["format"] = "int32", ["type"] = "integer" };
        if (type == typeof(long)) return new JsonObject { ["format"] = "int64", ["type"] = "integer" };
        if (type == typeof(DateTimeOffset)) return new JsonObject { ["format"] = "date-time", ["type"] = "string" };
        if (type == typeof(IntOrString))
        {
            return new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
                ["x-kubernetes-int-or-string"] = true,
            };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic)
        {
            var args = type.GetGenericArguments();
            if (generic == typeof(IDictionary<,>) || generic == typeof(Dictionary<,>))
            {
                return new JsonObject { ["additionalProperties"] = TypeSchema(args[1], null), ["type"] = "object" };
            }

            if (generic == typeof(IList<>) || generic == typeof(List<>))
            {
                return new JsonObject { ["items"] = TypeSchema(args[0], null), ["type"] = "array" };
            }
        }

        if (type.IsClass) return ObjectSchema(type, description);
        throw new NotSupportedException($"No OpenAPI schema mapping for {type.FullName}: add one to {nameof(OpenApiSchema)}.");
    }

    // Quantities are int-or-string with Kubernetes' quantity pattern, exactly as controller-gen emits resource.Quantity.
    private static JsonObject QuantitySchema() => new()
    {
        ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
        ["pattern"] = @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$",
        ["x-kubernetes-int-or-string"] = true,
    };

    // metav1.Condition as controller-gen renders it: every field but observedGeneration is required.
    private static JsonObject ConditionSchema() => new()
    {
        ["description"] = "Condition contains details for one aspect of the current state of this API Resource.",
        ["properties"] = new JsonObject
        {
            ["lastTransitionTime"] = new JsonObject { ["format"] = "date-time", ["type"] = "string" },
            ["message"] = new JsonObject { ["maxLength"] = 32768, ["type"] = "string" },
            ["observedGeneration"] = new JsonObject { ["format"] = "int64", ["minimum"] = 0, ["type"] = "integer" },
            ["reason"] = new JsonObject { ["maxLength"] = 1024, ["minLength"] = 1, ["type"] = "string" },
            ["status"] = new JsonObject { ["enum"] = new JsonArray("True", "False", "Unknown"), ["type"] = "string" },
            ["type"] = new JsonObject { ["maxLength"] = 316, ["type"] = "string" },
        },
        ["required"] = new JsonArray("lastTransitionTime", "message", "reason", "status", "type"),
        ["type"] = "object",
    };

    private static JsonObject WithDescription(JsonObject schema, string description)
    {
        schema["description"] = description;
        return schema;
    }

    // controller-gen writes schema keywords in alphabetical order.
    private static JsonObject Sorted(JsonObject schema)
    {
        var keys = schema.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var sorted = new JsonObject();
        foreach (var key in keys)
        {
            var value = schema[key];
            schema.Remove(key);
            sorted[key] = value;
        }

        return sorted;
    }

    // Kubernetes' own models carry no attributes: their non-nullable strings are exactly the API's required fields
    // (Container.name, VolumeMount.mountPath, SecretKeySelector.key...).
    private static bool IsRequired(PropertyInfo property)
    {
        if (property.GetCustomAttribute<CrdRequiredAttribute>() is not null) return true;
        if (property.DeclaringType?.Assembly != typeof(Condition).Assembly || property.PropertyType != typeof(string)) return false;
        return new NullabilityInfoContext().Create(property).ReadState == NullabilityState.NotNull;
    }

    internal static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}
