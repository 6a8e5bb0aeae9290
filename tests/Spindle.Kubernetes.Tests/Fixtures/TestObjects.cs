using System.Text.Json;
using System.Text.Json.Serialization;
using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Kubernetes.Tests.Fixtures;

// Models declared outside Spindle.Kubernetes, with their own JsonSerializerContext, as the operator does.

internal sealed class TestConfigMap : IKubernetesObject
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "ConfigMap";

    public ObjectMeta Metadata { get; set; } = new();

    public Dictionary<string, string>? Data { get; set; }
}

internal sealed class TestNamespace : IKubernetesObject
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "Namespace";

    public ObjectMeta Metadata { get; set; } = new();
}

/// <summary>A custom resource of the test CRD widgets.test.spindle.dev.</summary>
internal sealed class Widget : IKubernetesObject
{
    public static readonly ApiResource Resource = new("test.spindle.dev", "v1", "widgets", "Widget");

    public string ApiVersion { get; set; } = "test.spindle.dev/v1";

    public string Kind { get; set; } = "Widget";

    public ObjectMeta Metadata { get; set; } = new();

    public WidgetSpec? Spec { get; set; }

    public WidgetStatus? Status { get; set; }
}

internal sealed class WidgetSpec
{
    public int? Size { get; set; }

    public string? Color { get; set; }
}

internal sealed class WidgetStatus
{
    public string? Phase { get; set; }

    public IList<Condition>? Conditions { get; set; }
}

/// <summary>Any object, kept as JSON (the CRD itself).</summary>
internal sealed class RawObject : IKubernetesObject
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public ObjectMeta Metadata { get; set; } = new();

    // Not JsonObject: with source generation, JsonObject extension data serializes as invalid JSON (.NET 10).
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Rest { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TestConfigMap))]
[JsonSerializable(typeof(TestNamespace))]
[JsonSerializable(typeof(Widget))]
[JsonSerializable(typeof(RawObject))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
