using System.Net;
using System.Text;
using System.Text.Json;
using Spindle.Oci.Artifact;
using Spindle.Oci.Distribution;
using Spindle.Oci.Manifest;
using Spindle.Oci.Tests.Support;

namespace Spindle.Oci.Tests.Functional;

/// <summary>Push, pull and the distribution API against a real anonymous registry.</summary>
public sealed class AnonymousRegistryTests(AnonymousRegistryFixture fixture) : IClassFixture<AnonymousRegistryFixture>
{
    [RequiresFact(Requirement.DockerRegistry)]
    public async Task PushThenPull_IntoEmptyCache_RoundTripsEveryLayerAndTheLockedApp()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp();
        var reference = context.Reference("apps/roundtrip");

        var pushed = await context.PushAsync(reference, app);
        var pulled = await context.PullAsync(reference);

        Assert.Equal(pushed.Digest, pulled.ManifestDigest);
        Assert.True(pulled.IsApplication);
        Assert.Equal(app.ApiWasm, await File.ReadAllBytesAsync(context.Cache.WasmPath(TestApp.Digest(app.ApiWasm))));
        Assert.Equal(app.TinyWasm, await File.ReadAllBytesAsync(context.Cache.WasmPath(TestApp.Digest(app.TinyWasm))));
        Assert.Equal(app.IndexHtml, await File.ReadAllBytesAsync(context.Cache.DataPath(TestApp.Digest(app.IndexHtml))));
        Assert.Equal(app.Shared, await File.ReadAllBytesAsync(context.Cache.DataPath(TestApp.Digest(app.Shared))));
        using var locked = JsonDocument.Parse(await File.ReadAllBytesAsync(pulled.LockedAppPath));
        Assert.Equal(0, locked.RootElement.GetProperty("spin_lock_version").GetInt32());
        Assert.Equal(pushed.Digest, TestApp.Digest(await File.ReadAllBytesAsync(pulled.ManifestPath)));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task PulledAppLoader_RebuildsSourcesAndFileMountsFromTheCache()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 5);
        var reference = context.Reference("apps/loader");
        await context.PushAsync(reference, app);
        var pulled = await context.PullAsync(reference);
        var work = Path.Combine(context.Directory, "work");

        using var locked = JsonDocument.Parse(await PulledAppLoader.PrepareAsync(pulled, context.Cache, work, CancellationToken.None));

        var api = locked.RootElement.GetProperty("components")[0];
        Assert.Equal(new Uri(context.Cache.WasmPath(TestApp.Digest(app.ApiWasm))).AbsoluteUri, api.GetProperty("source").GetProperty("source").GetString());
        Assert.Equal("/", api.GetProperty("files")[0].GetProperty("path").GetString());
        Assert.Equal(app.IndexHtml, await File.ReadAllBytesAsync(Path.Combine(work, "assets", "api", "index.html")));
        Assert.Equal(TestApp.Small, await File.ReadAllBytesAsync(Path.Combine(work, "assets", "api", "small.txt")));
        Assert.Equal(app.Shared, await File.ReadAllBytesAsync(Path.Combine(work, "assets", "tiny", "dup.bin")));
        Assert.Equal($"vnd.fermyon.origin-oci:{fixture.Server.Host}/apps/loader:v1", locked.RootElement.GetProperty("metadata").GetProperty("origin").GetString());
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Push_Twice_SkipsBlobsTheRegistryHasAndKeepsTheDigestOfEqualContent()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp();
        var options = new SpinArtifactOptions { TimeProvider = new FixedTimeProvider(DateTimeOffset.UnixEpoch) };

        var first = await context.Client.PushAsync(context.Reference("apps/twice"), app.LockedJson, options, null, CancellationToken.None);
        var second = await context.Client.PushAsync(context.Reference("apps/twice", "v2"), app.LockedJson, options, null, CancellationToken.None);

        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(0, first.SkippedBlobs);
        Assert.Equal(0, second.UploadedBlobs);
        Assert.Equal(first.UploadedBlobs, second.SkippedBlobs);
        var tags = await context.Client.ListTagsAsync($"{fixture.Server.Host}/apps/twice", CancellationToken.None);
        Assert.Equal(["v1", "v2"], tags.Order(StringComparer.Ordinal));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Push_BlobsAboveChunkSize_UploadsInChunks()
    {
        var handler = new FaultInjectingHandler();
        using var context = new RegistryTestContext(fixture.Server, handler, chunkSize: 64);
        using var app = new TestApp(seed: 7);

        var pushed = await context.PushAsync(context.Reference("apps/chunked"), app);
        var pulled = await context.PullAsync(context.Reference("apps/chunked"));

        Assert.Equal(pushed.Digest, pulled.ManifestDigest);
        Assert.Contains(handler.Log, line => line.StartsWith("PATCH", StringComparison.Ordinal));
        Assert.Equal(app.ApiWasm, await File.ReadAllBytesAsync(context.Cache.WasmPath(TestApp.Digest(app.ApiWasm))));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task PushAndPull_LargeBlob_StreamsInChunksAndVerifies()
    {
        using var context = new RegistryTestContext(fixture.Server, chunkSize: 1024 * 1024);
        using var app = new TestApp(seed: 59);
        var big = new byte[24 * 1024 * 1024 + 17];
        new Random(59).NextBytes(big);
        await File.WriteAllBytesAsync(Path.Combine(app.Directory, "assets", "api", "big.bin"), big);
        var reference = context.Reference("apps/large");

        var pushed = await context.PushAsync(reference, app);
        var pulled = await context.PullAsync(reference);

        Assert.Equal(pushed.Digest, pulled.ManifestDigest);
        Assert.Equal(TestApp.Digest(big), TestApp.Digest(await File.ReadAllBytesAsync(context.Cache.DataPath(TestApp.Digest(big)))));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_TamperedBlob_FailsWithDigestMismatchAndLeavesTheCacheUntouched()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 11);
        var reference = context.Reference("apps/tampered");
        await context.PushAsync(reference, app);
        var stored = fixture.Server.BlobDataPath(TestApp.Digest(app.IndexHtml));
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(stored, bytes);

        var error = await Assert.ThrowsAsync<OciException>(() => context.PullAsync(reference));

        Assert.Equal(OciErrorKind.DigestMismatch, error.Kind);
        Assert.Contains(TestApp.Digest(app.IndexHtml), error.Message);
        Assert.Empty(context.CachedFiles());
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Push_InterruptedAfterFirstBlob_NextPushSucceedsAndReusesUploadedBlobs()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 13);
        var reference = context.Reference("apps/interrupted");
        using var cancel = new CancellationTokenSource();
        var completed = 0;
        var progress = new SynchronousProgress(p =>
        {
            if (p.State == TransferState.Completed && Interlocked.Increment(ref completed) == 1) cancel.Cancel();
        });
        var options = context.Options with { MaxParallelTransfers = 1 };
        var client = new SpinRegistryClient(context.Credentials, options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PushAsync(reference, app.LockedJson, RegistryTestContext.ArtifactOptions, progress, cancel.Token));
        var resumed = await client.PushAsync(reference, app.LockedJson, RegistryTestContext.ArtifactOptions, null, CancellationToken.None);

        Assert.True(resumed.SkippedBlobs >= 1, $"expected the blob uploaded before the interruption to be reused, skipped {resumed.SkippedBlobs}");
        var pulled = await context.PullAsync(reference);
        Assert.Equal(resumed.Digest, pulled.ManifestDigest);
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_UnknownTag_NamesRepositoryAndTag()
    {
        using var context = new RegistryTestContext(fixture.Server);

        var error = await Assert.ThrowsAsync<OciException>(() => context.PullAsync(context.Reference("apps/none", "nope")));

        Assert.Equal(OciErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Contains("tag \"nope\" of repository apps/none", error.Message);
        Assert.Empty(context.CachedFiles());
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_ManifestAboveLimit_FailsAndLeavesTheCacheUntouched()
    {
        using var pushContext = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 17);
        var reference = pushContext.Reference("apps/large-manifest");
        await pushContext.PushAsync(reference, app);
        using var context = new RegistryTestContext(fixture.Server, maxManifestBytes: 256);

        var error = await Assert.ThrowsAsync<OciException>(() => context.PullAsync(reference));

        Assert.Equal(OciErrorKind.ManifestTooLarge, error.Kind);
        Assert.Empty(context.CachedFiles());
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task Pull_ConcurrentlyIntoOneCache_BothSucceed()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 19);
        var reference = context.Reference("apps/concurrent");
        await context.PushAsync(reference, app);

        var pulls = await Task.WhenAll(
            Task.Run(() => context.PullAsync(reference)),
            Task.Run(() => new SpinRegistryClient(context.Credentials, context.Options).PullAsync(reference, context.Cache, null, CancellationToken.None)));

        Assert.Equal(pulls[0].ManifestDigest, pulls[1].ManifestDigest);
        Assert.Equal(app.IndexHtml, await File.ReadAllBytesAsync(context.Cache.DataPath(TestApp.Digest(app.IndexHtml))));
        Assert.DoesNotContain(context.CachedFiles(), f => f.EndsWith(".tmp", StringComparison.Ordinal) || f.Contains(".staging-", StringComparison.Ordinal));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task MountBlob_FromAnotherRepository_MountsWithoutUpload()
    {
        using var context = new RegistryTestContext(fixture.Server);
        using var app = new TestApp(seed: 23);
        await context.PushAsync(context.Reference("apps/mount-source"), app);
        using var client = new RegistryClient(fixture.Server.Host, null, context.Options);
        var digest = TestApp.Digest(app.ApiWasm);

        var mounted = await client.MountBlobAsync("apps/mount-target", digest, "apps/mount-source", CancellationToken.None);

        Assert.True(mounted);
        Assert.True(await client.BlobExistsAsync("apps/mount-target", digest, RegistryClient.PullScope("apps/mount-target"), CancellationToken.None));
    }

    [RequiresFact(Requirement.DockerRegistry)]
    public async Task TransientFailures_AreRetriedWithBackoff_ButA404IsNot()
    {
        var handler = new FaultInjectingHandler();
        using var context = new RegistryTestContext(fixture.Server, handler);
        using var app = new TestApp(seed: 29);
        var reference = context.Reference("apps/flaky");
        handler.Fail(r => r.Method == HttpMethod.Head, 2, HttpStatusCode.ServiceUnavailable);
        handler.Fail(r => r.Method == HttpMethod.Put, 1, null);
        handler.Fail(r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath.Contains("/manifests/", StringComparison.Ordinal), 1, HttpStatusCode.BadGateway);

        var pushed = await context.PushAsync(reference, app);
        var pulled = await context.PullAsync(reference);
        Assert.Equal(pushed.Digest, pulled.ManifestDigest);

        var before = handler.Requests;
        await Assert.ThrowsAsync<OciException>(() => context.PullAsync(context.Reference("apps/flaky", "missing")));
        Assert.Equal(1, handler.Requests - before);
    }

    private sealed class SynchronousProgress(Action<TransferProgress> report) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => report(value);
    }
}
