using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Spindle.Oci.Cache;
using Spindle.Oci.Distribution;
using Spindle.Oci.Manifest;

namespace Spindle.Oci;

public sealed partial class SpinRegistryClient
{
    /// <summary>
    /// Pulls a Spin application or Wasm package into the cache. Everything is downloaded into a staging directory
    /// and verified against its digest first; only then is it renamed into place, so a tampered blob, a bad manifest
    /// or a failure midway leaves the cache as it was.
    /// </summary>
    public async Task<PulledArtifact> PullAsync(string reference, OciCache cache, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var source = ImageReference.Parse(reference);
        using var client = await CreateClientAsync(source.RegistryHost, cancellationToken);
        var scope = RegistryClient.PullScope(source.Repository);
        var (manifestBytes, manifestDigest, _) = await client.GetManifestAsync(source, scope, cancellationToken);
        var manifest = ParseManifest(manifestBytes, source);
        var config = await client.GetBlobBytesAsync(source.Repository, manifest.Config, _options.MaxConfigBytes, cancellationToken);

        var staging = cache.CreateStagingDirectory();
        try
        {
            var layers = new List<OciDescriptor>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var layer in manifest.Layers)
            {
                if (seen.Add(layer.Digest)) layers.Add(layer);
            }

            var staged = new Dictionary<string, string>(StringComparer.Ordinal);
            var downloaded = 0;
            var cached = 0;
            await Parallel.ForEachAsync(layers, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelTransfers, CancellationToken = cancellationToken },
                async (layer, ct) =>
                {
                    if (cache.TryGetWasmFile(layer.Digest) is not null)
                    {
                        Interlocked.Increment(ref cached);
                        progress?.Report(new TransferProgress(layer.Digest, layer.MediaType, layer.Size, layer.Size, TransferState.Skipped));
                        return;
                    }

                    var path = Path.Combine(staging, Digests.FileName(layer.Digest));
                    await client.DownloadBlobAsync(source.Repository, layer, path, progress, ct);
                    lock (staged) staged[layer.Digest] = path;
                    Interlocked.Increment(ref downloaded);
                });

            // Archive layers are unpacked while still staged: each file is stored by its own digest, as Spin does.
            var unpacked = new List<(string Path, string Digest)>();
            foreach (var layer in layers)
            {
                if (layer.MediaType == MediaTypes.ArchiveLayer && staged.TryGetValue(layer.Digest, out var archive))
                {
                    await UnpackAsync(archive, staging, unpacked, cancellationToken);
                }
            }

            // Everything is verified: commit. Config.json is the locked app (layer, or config blob before Spin 2.0).
            byte[] lockedApp = config;
            foreach (var layer in layers)
            {
                var isWasm = MediaTypes.IsWasm(layer.MediaType);
                if (staged.TryGetValue(layer.Digest, out var path))
                {
                    if (layer.MediaType == MediaTypes.SpinApplication) lockedApp = await File.ReadAllBytesAsync(path, cancellationToken);
                    OciCache.Commit(path, isWasm ? cache.WasmPath(layer.Digest) : cache.DataPath(layer.Digest));
                }
                else if (layer.MediaType == MediaTypes.SpinApplication)
                {
                    lockedApp = await File.ReadAllBytesAsync(cache.TryGetWasmFile(layer.Digest)!, cancellationToken);
                }
            }

            foreach (var (path, digest) in unpacked) OciCache.Commit(path, cache.DataPath(digest));

            var isApplication = HasLockVersion(lockedApp);
            string? packageWasm = null;
            if (!isApplication)
            {
                if (manifest.Layers.Count != 1)
                {
                    throw new OciException(OciErrorKind.InvalidArtifact,
                        $"{source} is neither a Spin application (no locked app with spin_lock_version) nor a Wasm package (expected a single layer, found {manifest.Layers.Count})");
                }

                packageWasm = cache.TryGetWasmFile(manifest.Layers[0].Digest);
            }

            var directory = cache.ManifestDirectory(source);
            await WriteManifestFilesAsync(directory, manifestBytes, lockedApp, cancellationToken);
            return new PulledArtifact(source, manifestDigest, Path.Combine(directory, OciCache.ManifestFile), Path.Combine(directory, OciCache.ConfigFile),
                isApplication, packageWasm, downloaded, cached);
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static bool HasLockVersion(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("spin_lock_version", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Writes manifest.json and config.json under an exclusive lock file, so concurrent pulls of one tag never mix them.</summary>
    private static async Task WriteManifestFilesAsync(string directory, byte[] manifest, byte[] lockedApp, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var lockPath = Path.Combine(directory, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            FileStream? lockFile = null;
            try
            {
                lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(25, cancellationToken);
                continue;
            }

            await using (lockFile)
            {
                await OciCache.WriteAtomicAsync(Path.Combine(directory, OciCache.ConfigFile), lockedApp, cancellationToken);
                await OciCache.WriteAtomicAsync(Path.Combine(directory, OciCache.ManifestFile), manifest, cancellationToken);
            }

            return;
        }
    }

    private static async Task UnpackAsync(string archive, string staging, List<(string Path, string Digest)> unpacked, CancellationToken cancellationToken)
    {
        var target = Path.Combine(staging, "unpacked-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(target);
        try
        {
            await using (var file = File.OpenRead(archive))
            await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            await using (var tar = new TarReader(gzip))
            {
                var index = 0;
                while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
                {
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
                    // Files are named by position, never by the archive's paths: no entry can escape the staging directory.
                    var path = Path.Combine(target, (index++).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    await using (var output = File.Create(path))
                    {
                        await entry.DataStream.CopyToAsync(output, cancellationToken);
                    }

                    var (digest, _) = await Digests.Sha256FileAsync(path, cancellationToken);
                    unpacked.Add((path, digest));
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new OciException(OciErrorKind.InvalidArtifact, $"archive layer {Path.GetFileName(archive)} is not a valid tar+gzip: {e.Message}", inner: e);
        }
    }
}
