using System.Text;
using Spindle.Oci.Artifact;
using Spindle.Oci.Distribution;
using Spindle.Oci.Manifest;
using Spindle.Oci.Tests.Support;

namespace Spindle.Oci.Tests.Functional;

/// <summary>Pull of every layout Spin accepts: current, archive layers, pre-2.0 (locked app as config), plain Wasm package, by digest.</summary>
public sealed class PullVariantTests(AnonymousRegistryFixture fixture) : IClassFixture<AnonymousRegistryFixture>
{
    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_ArchiveLayerVariant_StoresEachArchivedFileByItsDigest()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 3);
        var reference = context.Reference("apps/archive");

        await context.Client.PushAsync(reference, app.LockedJson, new SpinArtifactOptions { ArchiveLayers = true }, null, CancellationToken.None);
        await context.PullAsync(reference);

        Assert.Equal(app.IndexHtml, await File.ReadAllBytesAsync(context.Cache.DataPath(TestApp.Digest(app.IndexHtml))));
        Assert.Equal(app.Shared, await File.ReadAllBytesAsync(context.Cache.DataPath(TestApp.Digest(app.Shared))));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_Pre20Layout_ReadsTheLockedAppFromTheConfigBlob()
    {
        using var context = new RegistryTestContext(fixture.Server);
        var wasm = new byte[] { 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 1, 2, 3 };
        var locked = Encoding.UTF8.GetBytes($"{{\"spin_lock_version\":0,\"triggers\":[],\"components\":[{{\"id\":\"old\",\"source\":{{\"content_type\":\"application/wasm\",\"digest\":\"{TestApp.Digest(wasm)}\"}}}}]}}");
        var reference = ImageReference.Parse(context.Reference("apps/pre20"));
        await PushRawAsync(context, reference, ("application/vnd.fermyon.spin.application.v1+config", locked), [(MediaTypes.WasmLayer, wasm)]);

        var pulled = await context.PullAsync(reference.ToString());

        Assert.True(pulled.IsApplication);
        Assert.Equal(locked, await File.ReadAllBytesAsync(pulled.LockedAppPath));
        Assert.Equal(wasm, await File.ReadAllBytesAsync(context.Cache.WasmPath(TestApp.Digest(wasm))));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_SingleLayerWasmPackage_IsAPackageWithItsWasmCached()
    {
        using var context = new RegistryTestContext(fixture.Server);
        var wasm = new byte[] { 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 9, 9 };
        var reference = ImageReference.Parse(context.Reference("apps/package"));
        await PushRawAsync(context, reference, ("application/vnd.wasm.config.v0+json", "{\"type\":\"component\"}"u8.ToArray()), [("application/wasm", wasm)]);

        var pulled = await context.PullAsync(reference.ToString());

        Assert.False(pulled.IsApplication);
        Assert.Equal(wasm, await File.ReadAllBytesAsync(pulled.PackageWasmPath!));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_ByDigest_VerifiesTheManifestAndCachesUnderTheDigest()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 61);
        var pushed = await context.PushAsync(context.Reference("apps/by-digest"), app);
        var reference = $"{fixture.Server.Host}/apps/by-digest@{pushed.Digest}";

        var pulled = await context.PullAsync(reference);

        Assert.Equal(pushed.Digest, pulled.ManifestDigest);
        Assert.Contains(pushed.Digest.Replace(':', '_'), pulled.ManifestPath);
    }

    internal static async Task PushRawAsync(RegistryTestContext context, ImageReference reference, (string MediaType, byte[] Content) config, (string MediaType, byte[] Content)[] layers)
    {
        using var client = new RegistryClient(reference.RegistryHost, null, context.Options);
        var descriptors = new List<OciDescriptor>();
        foreach (var (mediaType, content) in ((string, byte[])[])[config, .. layers])
        {
            var blob = ArtifactLayer.FromBytes(mediaType, content);
            await client.UploadBlobAsync(reference.Repository, blob.Descriptor, blob.Open, null, CancellationToken.None);
            descriptors.Add(blob.Descriptor);
        }

        var manifest = new OciImageManifest(descriptors[0], descriptors[1..]);
        await client.PutManifestAsync(reference, manifest.ToJson(), MediaTypes.OciManifest, CancellationToken.None);
    }
}
