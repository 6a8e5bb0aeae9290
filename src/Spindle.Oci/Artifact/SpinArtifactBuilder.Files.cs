using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Spindle.Oci.Manifest;

namespace Spindle.Oci.Artifact;

internal sealed partial class SpinArtifactBuilder
{
    /// <summary>
    /// Rewrites a component's file mounts: each file under each mounted directory becomes
    /// <c>{"inline"?, "digest", "path"}</c> with a path relative to the component's root, and its bytes a data layer
    /// (none when inlined), or, in archive mode, one tar+gzip layer per mount.
    /// </summary>
    private async Task<JsonArray> FilesAsync(JsonArray mounts, string componentId, bool archive, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        var index = 0;
        foreach (var mount in mounts)
        {
            var what = $"component \"{componentId}\" files[{index++}]";
            if (mount is not JsonObject entry)
            {
                _errors.Add($"{what} is not an object");
                continue;
            }

            var path = FilePath(entry["source"], what);
            if (path is null) continue;
            // The mount point: "/" for copied mounts (Spin always copies before pushing); kept as a prefix otherwise.
            var prefix = (entry["path"]?.GetValue<string>() ?? "/").Trim('/');
            List<(string FullPath, string Relative)> files = [];
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    files.Add((file, Path.GetRelativePath(path, file).Replace('\\', '/')));
                }

                files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
            }
            else if (File.Exists(path))
            {
                files.Add((path, Path.GetFileName(path)));
                prefix = "";
                var destination = (entry["path"]?.GetValue<string>() ?? "").Trim('/');
                if (destination.Length > 0) files[0] = (path, destination);
            }
            else
            {
                _errors.Add($"{what}: {path} not found");
                continue;
            }

            foreach (var (fullPath, relative) in files)
            {
                var (digest, size) = await Digests.Sha256FileAsync(fullPath, cancellationToken);
                var content = new JsonObject();
                var inline = size <= _options.InlineMaxSize;
                if (inline) content["inline"] = InlineContent.Encode(await File.ReadAllBytesAsync(fullPath, cancellationToken));
                content["digest"] = digest;
                content["path"] = prefix.Length == 0 ? relative : prefix + "/" + relative;
                result.Add(content);
                // Registries reject very small blobs (distribution discussion 4029), so inlined files get no layer.
                if (!archive && !inline) Add(new ArtifactLayer(new OciDescriptor(MediaTypes.DataLayer, digest, size), fullPath, null));
            }

            if (archive && files.Count > 0)
            {
                var tarball = await ArchiveAsync(files, prefix, cancellationToken);
                var (digest, size) = await Digests.Sha256FileAsync(tarball, cancellationToken);
                Add(new ArtifactLayer(new OciDescriptor(MediaTypes.ArchiveLayer, digest, size), tarball, null));
            }
        }

        return result;
    }

    /// <summary>A tar+gzip of the files, paths relative to the component root, with fixed times so equal trees give equal layers.</summary>
    private async Task<string> ArchiveAsync(List<(string FullPath, string Relative)> files, string prefix, CancellationToken cancellationToken)
    {
        _tempDirectory ??= Directory.CreateTempSubdirectory("spindle-oci-").FullName;
        var tarball = Path.Combine(_tempDirectory, Guid.NewGuid().ToString("N") + ".tar.gz");
        await using var output = new FileStream(tarball, FileMode.CreateNew, FileAccess.Write);
        await using var gzip = new GZipStream(output, CompressionLevel.Optimal);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (fullPath, relative) in files)
        {
            await using var data = File.OpenRead(fullPath);
            var entry = new PaxTarEntry(TarEntryType.RegularFile, prefix.Length == 0 ? relative : prefix + "/" + relative)
            {
                DataStream = data,
                ModificationTime = DateTimeOffset.UnixEpoch,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            await tar.WriteEntryAsync(entry, cancellationToken);
        }

        return tarball;
    }
}
