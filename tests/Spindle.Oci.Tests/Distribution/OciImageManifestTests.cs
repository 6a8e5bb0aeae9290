using System.Text;
using Spindle.Oci.Manifest;

namespace Spindle.Oci.Tests.Distribution;

public sealed class OciImageManifestTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Parse_MoreThan500Layers_IsRejectedWithTheCount()
    {
        var layers = string.Join(",", Enumerable.Repeat($"{{\"mediaType\":\"{MediaTypes.DataLayer}\",\"digest\":\"{Digest}\",\"size\":1}}", 501));
        var json = $"{{\"schemaVersion\":2,\"config\":{{\"mediaType\":\"{MediaTypes.OciConfig}\",\"digest\":\"{Digest}\",\"size\":2}},\"layers\":[{layers}]}}";

        var error = Assert.Throws<OciException>(() => OciImageManifest.Parse(Encoding.UTF8.GetBytes(json), "the manifest of x"));

        Assert.Equal(OciErrorKind.TooManyLayers, error.Kind);
        Assert.Contains("501 layers; at most 500", error.Message);
    }

    [Fact]
    public void Parse_ImageIndex_SaysItIsAnIndex()
    {
        var json = $"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.OciIndex}\",\"manifests\":[]}}";

        var error = Assert.Throws<OciException>(() => OciImageManifest.Parse(Encoding.UTF8.GetBytes(json), "the manifest of x"));

        Assert.Equal(OciErrorKind.InvalidArtifact, error.Kind);
        Assert.Contains("image index", error.Message);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"schemaVersion\":1}", "schemaVersion must be 2")]
    [InlineData("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"md5:1\",\"size\":1}}", "config.digest")]
    [InlineData("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"" + Digest + "\"}}", "config.size")]
    [InlineData("{oops", "not valid JSON")]
    public void Parse_Malformed_NamesTheField(string json, string why)
    {
        var error = Assert.Throws<OciException>(() => OciImageManifest.Parse(Encoding.UTF8.GetBytes(json), "the manifest of x"));

        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void ToJson_ThenParse_RoundTrips()
    {
        var manifest = new OciImageManifest(new OciDescriptor(MediaTypes.OciConfig, Digest, 10), [new OciDescriptor(MediaTypes.WasmLayer, Digest, 20)])
        {
            Annotations = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
        };

        var parsed = OciImageManifest.Parse(manifest.ToJson(), "m");

        Assert.Equal(manifest.Config, parsed.Config);
        Assert.Equal(manifest.Layers[0], parsed.Layers[0] with { Annotations = null });
        Assert.Equal(["a", "b"], parsed.Annotations!.Keys);
    }
}
