using System.Text.Json.Nodes;
using Spindle.Operator.Api;

namespace Spindle.Operator.Crds;

/// <summary>
/// Builds the CustomResourceDefinitions of SpinApp and SpinAppExecutor from the C# types, for both API groups, and
/// renders them as the YAML committed under deploy/crds (a test fails when the two drift).
/// </summary>
internal static class CrdGenerator
{
    /// <summary>Every CRD the operator serves: SpinApp and SpinAppExecutor in each of <see cref="SpinKube.Groups"/>.</summary>
    public static IReadOnlyList<JsonObject> All()
    {
        var crds = new List<JsonObject>();
        foreach (var group in SpinKube.Groups)
        {
            crds.Add(SpinApps(group));
            crds.Add(SpinAppExecutors(group));
        }

        return crds;
    }

    /// <summary>The file name controller-gen would use: <c>&lt;group&gt;_&lt;plural&gt;.yaml</c>.</summary>
    public static string FileName(JsonObject crd) =>
        crd["spec"]!["group"]!.GetValue<string>() + "_" + crd["spec"]!["names"]!["plural"]!.GetValue<string>() + ".yaml";

    /// <summary>The files of deploy/crds and the combined deploy/spindle-operator.crds.yaml, by path relative to deploy/.</summary>
    public static IReadOnlyDictionary<string, string> Files()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var combined = new System.Text.StringBuilder();
        foreach (var crd in All())
        {
            var yaml = YamlWriter.Write(crd);
            files["crds/" + FileName(crd)] = "---\n" + yaml;
            combined.Append("---\n").Append(yaml);
        }

        files["spindle-operator.crds.yaml"] = combined.ToString();
        return files;
    }

    public static JsonObject SpinApps(string group) => Crd(
        group,
        "SpinApp",
        "spinapps",
        typeof(SpinAppSpec),
        typeof(SpinAppStatus),
        "SpinApp is the Schema for the spinapps API",
        new JsonArray(
            Column(".status.readyReplicas", "Ready", "integer"),
            Column(".spec.replicas", "Desired", "integer"),
            Column(".spec.executor", "Executor", "string"),
            Column(".status.deploymentName", "Deployment", "string", priority: 1),
            Column(".status.serviceName", "Service", "string", priority: 1)));

    public static JsonObject SpinAppExecutors(string group) => Crd(
        group,
        "SpinAppExecutor",
        "spinappexecutors",
        typeof(SpinAppExecutorSpec),
        typeof(SpinAppExecutorStatus),
        "SpinAppExecutor is the Schema for the spinappexecutors API",
        printerColumns: null);

    private static JsonObject Crd(
        string group, string kind, string plural, Type spec, Type status, string description, JsonArray? printerColumns)
    {
        var version = new JsonObject();
        if (printerColumns is not null) version["additionalPrinterColumns"] = printerColumns;
        version["name"] = SpinKube.Version;
        version["schema"] = new JsonObject
        {
            ["openAPIV3Schema"] = new JsonObject
            {
                ["description"] = description,
                ["properties"] = new JsonObject
                {
                    ["apiVersion"] = new JsonObject { ["type"] = "string" },
                    ["kind"] = new JsonObject { ["type"] = "string" },
                    ["metadata"] = new JsonObject { ["type"] = "object" },
                    ["spec"] = OpenApiSchema.For(spec),
                    ["status"] = OpenApiSchema.For(status),
                },
                ["type"] = "object",
            },
        };
        version["served"] = true;
        version["storage"] = true;
        version["subresources"] = new JsonObject { ["status"] = new JsonObject() };

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = plural + "." + group },
            ["spec"] = new JsonObject
            {
                ["group"] = group,
                ["names"] = new JsonObject
                {
                    ["kind"] = kind,
                    ["listKind"] = kind + "List",
                    ["plural"] = plural,
                    ["singular"] = kind.ToLowerInvariant(),
                },
                ["scope"] = "Namespaced",
                ["versions"] = new JsonArray(version),
            },
        };
    }

    private static JsonObject Column(string jsonPath, string name, string type, int priority = 0)
    {
        var column = new JsonObject { ["jsonPath"] = jsonPath, ["name"] = name };
        if (priority != 0) column["priority"] = priority;
        column["type"] = type;
        return column;
    }
}
