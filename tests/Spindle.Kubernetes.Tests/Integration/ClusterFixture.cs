using System.Text.Json;
using Spindle.Kubernetes.Config;
using Spindle.Kubernetes.Tests.Fixtures;

namespace Spindle.Kubernetes.Tests.Integration;

/// <summary>
/// The real API server of SPINDLE_TEST_KUBECONFIG: a namespace unique to this run (deleted afterwards) and the
/// test CRD widgets.test.spindle.dev, which stays installed (deleting it while a second run re-creates it would race).
/// Does nothing when no cluster is configured (the tests then skip).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private const string CrdName = "widgets.test.spindle.dev";

    public KubernetesClient Client { get; private set; } = null!;

    public string Namespace { get; } = "spindle-k8s-test-" + Guid.NewGuid().ToString("N")[..8];

    internal ResourceClient<TestConfigMap> ConfigMaps => Client.Resource(ApiResource.ConfigMaps, TestJsonContext.Default.TestConfigMap);

    internal ResourceClient<Widget> Widgets => Client.Resource(Widget.Resource, TestJsonContext.Default.Widget);

    public async Task InitializeAsync()
    {
        if (Requirements.KubeConfig is not { } path) return;
        Client = new KubernetesClient(KubeConfigLoader.Load(path));
        var namespaces = Client.Resource(ApiResource.Namespaces, TestJsonContext.Default.TestNamespace);
        await namespaces.CreateAsync(new TestNamespace { Metadata = new() { Name = Namespace } });

        var crds = Client.Resource(ApiResource.CustomResourceDefinitions, TestJsonContext.Default.RawObject);
        var crd = JsonSerializer.Deserialize(CrdJson, TestJsonContext.Default.RawObject)!;
        await crds.ApplyAsync(crd, new ApplyOptions("spindle-k8s-tests", Force: true));
        for (var i = 0; i < 100; i++)
        {
            var current = await crds.GetAsync(null, CrdName);
            if (IsEstablished(current)) break;
            await Task.Delay(100);
        }
    }

    private static bool IsEstablished(RawObject crd)
    {
        if (crd.Rest is null || !crd.Rest.TryGetValue("status", out var status) || !status.TryGetProperty("conditions", out var conditions)) return false;
        foreach (var condition in conditions.EnumerateArray())
        {
            if (condition.GetProperty("type").GetString() == "Established" && condition.GetProperty("status").GetString() == "True") return true;
        }

        return false;
    }

    public async Task DisposeAsync()
    {
        if (Client is null) return;
        var namespaces = Client.Resource(ApiResource.Namespaces, TestJsonContext.Default.TestNamespace);
        await namespaces.DeleteAsync(null, Namespace);
        Client.Dispose();
    }

    private const string CrdJson = """
    {
      "apiVersion": "apiextensions.k8s.io/v1",
      "kind": "CustomResourceDefinition",
      "metadata": { "name": "widgets.test.spindle.dev" },
      "spec": {
        "group": "test.spindle.dev",
        "scope": "Namespaced",
        "names": { "plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList" },
        "versions": [{
          "name": "v1", "served": true, "storage": true,
          "subresources": { "status": {} },
          "schema": { "openAPIV3Schema": {
            "type": "object",
            "properties": {
              "spec": { "type": "object", "properties": { "size": { "type": "integer" }, "color": { "type": "string" } } },
              "status": { "type": "object", "x-kubernetes-preserve-unknown-fields": true }
            }
          } }
        }]
      }
    }
    """;
}
