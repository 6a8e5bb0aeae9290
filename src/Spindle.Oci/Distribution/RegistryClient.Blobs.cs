using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using Spindle.Oci.Manifest;

namespace Spindle.Oci.Distribution;

internal sealed partial class RegistryClient
{
    private const int CopyBufferSize = 1 << 16;

    /// <summary>HEAD /v2/&lt;name&gt;/blobs/&lt;digest&gt;.</summary>
    public async Task<bool> BlobExistsAsync(string repository, string digest, string scope, CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUri, $"v2/{repository}/blobs/{digest}");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, uri), scope, retry: true, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await EnsureSuccessAsync(response, $"blob {digest} in {repository}", cancellationToken);
        return true;
    }

    /// <summary>
    /// Downloads a blob into <paramref name="destination"/>, hashing while it streams; a size or digest mismatch
    /// deletes the file and throws. Memory stays bounded by the copy buffer.
    /// </summary>
    public async Task DownloadBlobAsync(string repository, OciDescriptor blob, string destination, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await DownloadOnceAsync(repository, blob, destination, progress, cancellationToken);
                return;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && attempt < _options.MaxRetries)
            {
                TryDelete(destination);
                await BackoffAsync(attempt, cancellationToken);
            }
            catch
            {
                TryDelete(destination);
                throw;
            }
        }
    }

    /// <summary>Reads a small blob (config) into memory, verified, refusing more than <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]> GetBlobBytesAsync(string repository, OciDescriptor blob, int maxBytes, CancellationToken cancellationToken)
    {
        if (blob.Size > maxBytes)
        {
            throw new OciException(OciErrorKind.InvalidArtifact, $"blob {blob.Digest} in {repository} is {blob.Size} bytes; at most {maxBytes} are read into memory");
        }

        var uri = new Uri(BaseUri, $"v2/{repository}/blobs/{blob.Digest}");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), PullScope(repository), retry: true, cancellationToken);
        await EnsureSuccessAsync(response, $"blob {blob.Digest} in repository {repository}", cancellationToken);
        var bytes = await ReadBoundedAsync(response, maxBytes, $"blob {blob.Digest}", OciErrorKind.InvalidArtifact, cancellationToken);
        Verify(repository, blob, bytes.Length, Digests.Sha256(bytes));
        return bytes;
    }

    /// <summary>POST ?mount=&amp;from=: true when the registry mounted the blob, false when it opened an upload instead.</summary>
    public async Task<bool> MountBlobAsync(string repository, string digest, string fromRepository, CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUri, $"v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(fromRepository)}");
        var scope = PushScope(repository) + " " + PullScope(fromRepository);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent([]) }, scope, retry: true, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created) return true;
        await EnsureSuccessAsync(response, $"mount of {digest} from {fromRepository} into {repository}", cancellationToken);
        // 202: the registry could not mount and opened an upload session; abandon it (it expires) and upload normally.
        return false;
    }

    internal static void Verify(string repository, OciDescriptor blob, long size, string digest)
    {
        if (size != blob.Size)
        {
            throw new OciException(OciErrorKind.DigestMismatch,
                $"blob {blob.Digest} from {repository} is {size} bytes, but the manifest says {blob.Size}: the registry content is corrupt or tampered; nothing was cached");
        }

        if (!string.Equals(digest, blob.Digest, StringComparison.Ordinal))
        {
            throw new OciException(OciErrorKind.DigestMismatch,
                $"blob {blob.Digest} from {repository} has digest {digest}: the registry content is corrupt or tampered; nothing was cached");
        }
    }

    internal static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, int maxBytes, string what, OciErrorKind kind, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw new OciException(kind, $"{what} is {length} bytes; the limit is {maxBytes}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes) throw new OciException(kind, $"{what} is larger than the limit of {maxBytes} bytes");
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private async Task DownloadOnceAsync(string repository, OciDescriptor blob, string destination, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUri, $"v2/{repository}/blobs/{blob.Digest}");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), PullScope(repository), retry: true, cancellationToken);
        await EnsureSuccessAsync(response, $"blob {blob.Digest} in repository {repository}", cancellationToken);
        progress?.Report(new TransferProgress(blob.Digest, blob.MediaType, 0, blob.Size, TransferState.Started));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        long size = 0;
        try
        {
            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var target = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true);
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                // Stop early rather than fill the disk when a registry sends more than the manifest promised.
                if (size > blob.Size) break;
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                progress?.Report(new TransferProgress(blob.Digest, blob.MediaType, size, blob.Size, TransferState.Transferring));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Verify(repository, blob, size, Digests.Sha256Prefix + Convert.ToHexStringLower(hash.GetHashAndReset()));
        progress?.Report(new TransferProgress(blob.Digest, blob.MediaType, size, blob.Size, TransferState.Completed));
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
