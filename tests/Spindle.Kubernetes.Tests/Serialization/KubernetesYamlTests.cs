using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes.Tests.Serialization;

public sealed class KubernetesYamlTests
{
    [Theory]
    [InlineData("v: 3", """{"v":3}""")]
    [InlineData("v: \"3\"", """{"v":"3"}""")]
    [InlineData("v: '3'", """{"v":"3"}""")]
    [InlineData("v: !!str 3", """{"v":"3"}""")]
    [InlineData("v: 0755", """{"v":493}""")]
    [InlineData("v: 0x1F", """{"v":31}""")]
    [InlineData("v: -1.5e3", """{"v":-1500}""")]
    [InlineData("v: 1_000", """{"v":1000}""")]
    [InlineData("v: yes", """{"v":true}""")]
    [InlineData("v: Off", """{"v":false}""")]
    [InlineData("v: ~", """{"v":null}""")]
    [InlineData("v:", """{"v":null}""")]
    [InlineData("v: 1.2.3", """{"v":"1.2.3"}""")]
    [InlineData("v: 10.96.0.1", """{"v":"10.96.0.1"}""")]
    [InlineData("v: [a, 1, {b: true}]", """{"v":["a",1,{"b":true}]}""")]
    [InlineData("v: |\n  line1\n  line2\n", """{"v":"line1\nline2\n"}""")]
    public void Scalars_FollowGoYamlRules(string yaml, string json)
    {
        Assert.Equal(json, Assert.Single(KubernetesYaml.ToJsonDocuments(yaml)));
    }

    [Fact]
    public void ReadObjects_MultiDocument_SkipsEmptyDocuments()
    {
        var objects = KubernetesYaml.ReadObjects("""
            ---
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata:
              name: wasmtime-spin-v2
            handler: spin
            ---
            # only a comment
            ---
            apiVersion: core.spinkube.dev/v1alpha1
            kind: SpinApp
            metadata: {name: simple-spinapp}
            spec: {image: "ghcr.io/spinkube/containerd-shim-spin/examples/spin-rust-hello:v0.13.0", replicas: 1, executor: containerd-shim-spin}
            """);

        Assert.Equal(["RuntimeClass", "SpinApp"], objects.Select(o => o.Kind));
        Assert.Equal("spin", objects[0].Fields!["handler"].GetString());
        Assert.Equal(1, objects[1].Fields!["spec"].GetProperty("replicas").GetInt32());
    }

    [Fact]
    public void ReadObjects_ReportsEveryBadDocument()
    {
        var e = Assert.Throws<FormatException>(() => KubernetesYaml.ReadObjects("kind: A\n---\napiVersion: v1\nkind: B\nmetadata: {name: ok}\n---\napiVersion: v1\n", "app.yaml"));
        Assert.Contains("app.yaml document 1: apiVersion, kind and metadata.name are required", e.Message, StringComparison.Ordinal);
        Assert.Contains("app.yaml document 3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYaml_NamesSourceAndLine()
    {
        var e = Assert.Throws<FormatException>(() => KubernetesYaml.ToJsonDocuments("a: b: c", "crd.yaml"));
        Assert.StartsWith("crd.yaml: invalid YAML at line", e.Message, StringComparison.Ordinal);
    }
}
