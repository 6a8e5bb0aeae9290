using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Spindle.Oci.Artifact;
using Spindle.Oci.Tests.Support;

namespace Spindle.Oci.Tests.Artifact;

/// <summary>
/// Golden tests of Spin's artifact layout (spin crates/oci/src/client.rs, oci-client's manifest and config
/// serialization): the bytes we produce for a fixed app, field by field.
/// </summary>
public sealed class SpinArtifactBuilderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, 123, TimeSpan.Zero);
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Build_FixedApp_LockedAppLayerRewritesSourcesToDigestsAndInlinesSmallContent()
    {
        using var artifact = await BuildAsync(new SpinArtifactOptions { TimeProvider = new FixedTimeProvider(Now) });

        var expected =
            "{\"spin_lock_version\":0," +
            "\"metadata\":{\"authors\":[\"Ada <ada@example.com>\",\"Bob\"],\"description\":\"A golden app\",\"name\":\"golden\",\"trigger\":{\"type\":\"http\"},\"version\":\"1.2.3\"}," +
            "\"triggers\":[{\"id\":\"api-http\",\"trigger_type\":\"http\",\"trigger_config\":{\"component\":\"api\",\"route\":\"/api/...\"}}," +
            "{\"id\":\"tiny-http\",\"trigger_type\":\"http\",\"trigger_config\":{\"component\":\"tiny\",\"route\":\"/...\"}}]," +
            "\"components\":[" +
            $"{{\"id\":\"api\",\"source\":{{\"content_type\":\"application/wasm\",\"digest\":\"{D(_app.ApiWasm)}\"}},\"env\":{{\"K\":\"V\"}}," +
            $"\"files\":[{{\"digest\":\"{D(_app.IndexHtml)}\",\"path\":\"index.html\"}}," +
            $"{{\"inline\":\"aGk\",\"digest\":\"{D(TestApp.Small)}\",\"path\":\"small.txt\"}}," +
            $"{{\"digest\":\"{D(_app.Shared)}\",\"path\":\"sub/dup.bin\"}}]}}," +
            $"{{\"id\":\"tiny\",\"source\":{{\"content_type\":\"application/wasm\",\"inline\":\"{Convert.ToBase64String(_app.TinyWasm).TrimEnd('=')}\",\"digest\":\"{D(_app.TinyWasm)}\"}}," +
            $"\"files\":[{{\"digest\":\"{D(_app.Shared)}\",\"path\":\"dup.bin\"}}]}}]}}";
        Assert.Equal(expected, Encoding.UTF8.GetString(artifact.LockedApp));
    }

    [Fact]
    public async Task Build_FixedApp_ConfigIsWasmWasip1WithLockedAppDigestLabel()
    {
        using var artifact = await BuildAsync(new SpinArtifactOptions { TimeProvider = new FixedTimeProvider(Now) });

        var expected = "{\"architecture\":\"wasm\",\"os\":\"Wasip1\",\"config\":{\"Labels\":{\"com.fermyon.spin.lockedAppDigest\":\"" +
            D(artifact.LockedApp) + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
        Assert.Equal(expected, Encoding.UTF8.GetString(artifact.Config.Content!));
        Assert.Equal(MediaTypes.OciConfig, artifact.Config.Descriptor.MediaType);
    }

    [Fact]
    public async Task Build_FixedApp_ManifestListsDedupedLayersThenLockedAppWithAnnotations()
    {
        using var artifact = await BuildAsync(new SpinArtifactOptions { TimeProvider = new FixedTimeProvider(Now) });

        string Layer(string mediaType, byte[] content) => $"{{\"mediaType\":\"{mediaType}\",\"digest\":\"{D(content)}\",\"size\":{content.Length}}}";
        var expected =
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"," +
            $"\"config\":{Layer("application/vnd.oci.image.config.v1+json", artifact.Config.Content!)}," +
            "\"layers\":[" +
            Layer("application/vnd.wasm.content.layer.v1+wasm", _app.ApiWasm) + "," +
            Layer("application/vnd.wasm.content.layer.v1+data", _app.IndexHtml) + "," +
            Layer("application/vnd.wasm.content.layer.v1+data", _app.Shared) + "," +
            Layer("application/vnd.wasm.content.layer.v1+wasm", _app.TinyWasm) + "," +
            Layer("application/vnd.fermyon.spin.application.v1+config", artifact.LockedApp) + "]," +
            "\"annotations\":{" +
            "\"org.opencontainers.image.authors\":\"Ada <ada@example.com>, Bob\"," +
            "\"org.opencontainers.image.created\":\"2026-01-02T03:04:05.123+00:00\"," +
            "\"org.opencontainers.image.description\":\"A golden app\"," +
            "\"org.opencontainers.image.title\":\"golden\"," +
            "\"org.opencontainers.image.version\":\"1.2.3\"}}";
        Assert.Equal(expected, Encoding.UTF8.GetString(artifact.ManifestBytes));
        Assert.Equal(D(artifact.ManifestBytes), artifact.ManifestDigest);
    }

    [Fact]
    public async Task Build_ExplicitAnnotations_WinOverInferredOnes()
    {
        var options = new SpinArtifactOptions
        {
            TimeProvider = new FixedTimeProvider(Now),
            Annotations = new Dictionary<string, string> { ["org.opencontainers.image.title"] = "custom", ["com.example.team"] = "wasm" },
        };
        using var artifact = await BuildAsync(options);

        var annotations = artifact.Manifest.Annotations!;
        Assert.Equal("custom", annotations["org.opencontainers.image.title"]);
        Assert.Equal("wasm", annotations["com.example.team"]);
        Assert.Equal("1.2.3", annotations["org.opencontainers.image.version"]);
    }

    [Fact]
    public async Task Build_InferenceDisabled_KeepsOnlyExplicitAnnotations()
    {
        var options = new SpinArtifactOptions { InferAnnotations = false, Annotations = new Dictionary<string, string> { ["a"] = "b" } };
        using var artifact = await BuildAsync(options);

        Assert.Equal(["a"], artifact.Manifest.Annotations!.Keys);
    }

    [Fact]
    public async Task Build_ArchiveLayers_OneTarGzipPerMountAndFilesStillListedByDigest()
    {
        using var artifact = await BuildAsync(new SpinArtifactOptions { ArchiveLayers = true, TimeProvider = new FixedTimeProvider(Now) });

        var mediaTypes = artifact.Layers.Select(l => l.Descriptor.MediaType).ToArray();
        Assert.Equal([MediaTypes.WasmLayer, MediaTypes.ArchiveLayer, MediaTypes.WasmLayer, MediaTypes.ArchiveLayer, MediaTypes.SpinApplication], mediaTypes);
        using var locked = JsonDocument.Parse(artifact.LockedApp);
        var files = locked.RootElement.GetProperty("components")[0].GetProperty("files");
        Assert.Equal(3, files.GetArrayLength());
        Assert.Equal("small.txt", files[1].GetProperty("path").GetString());

        await using var tarball = artifact.Layers[1].Open();
        await using var gzip = new GZipStream(tarball, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        var names = new List<string>();
        while (await tar.GetNextEntryAsync() is { } entry) names.Add(entry.Name);
        Assert.Equal(["index.html", "small.txt", "sub/dup.bin"], names);
    }

    [Fact]
    public async Task Build_MissingAndInvalidSources_ReportsEveryProblemAtOnce()
    {
        File.Delete(Path.Combine(_app.Directory, "api.wasm"));
        File.WriteAllText(Path.Combine(_app.Directory, "tiny.wasm"), "not wasm");
        System.IO.Directory.Delete(Path.Combine(_app.Directory, "assets", "tiny"), recursive: true);

        var error = await Assert.ThrowsAsync<OciException>(() => BuildAsync(new SpinArtifactOptions()));

        Assert.Equal(OciErrorKind.InvalidInput, error.Kind);
        Assert.Contains("component \"api\" source: file", error.Message);
        Assert.Contains("component \"tiny\" source: ", error.Message);
        Assert.Contains("is not a Wasm module", error.Message);
        Assert.Contains("component \"tiny\" files[0]", error.Message);
    }

    [Fact]
    public async Task Build_LockedAppWithoutFileSources_SaysPushNeedsALoadedApp()
    {
        var json = "{\"spin_lock_version\":0,\"triggers\":[],\"components\":[{\"id\":\"a\",\"source\":{\"content_type\":\"application/wasm\",\"digest\":\"sha256:00\"}}]}"u8.ToArray();

        var error = await Assert.ThrowsAsync<OciException>(() => SpinArtifactBuilder.BuildAsync(json, new SpinArtifactOptions(), CancellationToken.None));

        Assert.Contains("has no file source", error.Message);
    }

    [Theory]
    [InlineData("aGk", "hi")]
    [InlineData("aGk=", "hi")]
    [InlineData("aGVsbG8", "hello")]
    [InlineData("", "")]
    public void InlineContent_DecodesSpinsUnpaddedBase64AndPaddedToo(string encoded, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(InlineContent.Decode(encoded)));

    [Fact]
    public void InlineContent_EncodesWithoutPadding_AsSpinSerdeBase64() =>
        Assert.Equal("aGVsbG8", InlineContent.Encode("hello"u8));

    [Theory]
    [InlineData(0, "2026-01-02T03:04:05+00:00")]
    [InlineData(1_230_000, "2026-01-02T03:04:05.123+00:00")]
    [InlineData(1_234_560, "2026-01-02T03:04:05.123456+00:00")]
    [InlineData(1_234_567, "2026-01-02T03:04:05.123456700+00:00")]
    public void Rfc3339_MatchesChronoAutoSecondsFormat(long ticks, string expected)
    {
        var time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(ticks);

        Assert.Equal(expected, SpinArtifactBuilder.Rfc3339(time));
    }

    private Task<SpinArtifact> BuildAsync(SpinArtifactOptions options) => SpinArtifactBuilder.BuildAsync(_app.LockedJson, options, CancellationToken.None);

    private static string D(byte[] content) => TestApp.Digest(content);
}
