using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Spindle.Oci.Manifest;

namespace Spindle.Oci.Distribution;

internal sealed partial class RegistryClient
{
    /// <summary>
    /// Uploads a blob: one PUT up to <see cref="RegistryClientOptions.ChunkSize"/>, PATCH chunks above it. A transient
    /// failure restarts the upload with a new session (a half-written session's state is the registry's to forget).
    /// </summary>
    public async Task UploadBlobAsync(string repository, OciDescriptor blob, Func<Stream> open, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                progress?.Report(new TransferProgress(blob.Digest, blob.MediaType, 0, blob.Size, TransferState.Started));
                if (blob.Size <= _options.ChunkSize)
                {
                    await UploadMonolithicAsync(repository, blob, open, progress, cancellationToken);
                }
                else
                {
                    await UploadChunkedAsync(repository, blob, open, progress, cancellationToken);
                }

                progress?.Report(new TransferProgress(blob.Digest, blob.MediaType, blob.Size, blob.Size, TransferState.Completed));
                return;
            }
            catch (OciException e) when (attempt < _options.MaxRetries && (e.Kind == OciErrorKind.Network || e.StatusCode is >= 500 or 429))
            {
                await BackoffAsync(attempt, cancellationToken);
            }
        }
    }

    private async Task<Uri> StartUploadAsync(string repository, CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUri, $"v2/{repository}/blobs/uploads/");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent([]) }, PushScope(repository), retry: false, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted) throw await ErrorOrUnexpectedAsync(response, $"upload to repository {repository}", cancellationToken);
        return Location(response);
    }

    private async Task UploadMonolithicAsync(string repository, OciDescriptor blob, Func<Stream> open, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var location = await StartUploadAsync(repository, cancellationToken);
        var put = Location(location, "digest=" + Uri.EscapeDataString(blob.Digest));
        using var response = await SendAsync(() =>
        {
            var content = new StreamContent(new ProgressStream(open(), blob, progress), CopyBufferSize);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentLength = blob.Size;
            return new HttpRequestMessage(HttpMethod.Put, put) { Content = content };
        }, PushScope(repository), retry: false, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created) throw await ErrorOrUnexpectedAsync(response, $"upload of blob {blob.Digest} to {repository}", cancellationToken);
    }

    private async Task UploadChunkedAsync(string repository, OciDescriptor blob, Func<Stream> open, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var location = await StartUploadAsync(repository, cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(_options.ChunkSize);
        try
        {
            await using var source = open();
            long offset = 0;
            while (offset < blob.Size)
            {
                var length = await source.ReadAtLeastAsync(buffer.AsMemory(0, (int)Math.Min(_options.ChunkSize, blob.Size - offset)), 1, throwOnEndOfStream: false, cancellationToken);
                if (length == 0) throw new OciException(OciErrorKind.InvalidInput, $"blob {blob.Digest} ended at {offset} of {blob.Size} bytes: the file changed while pushing");
                var start = offset;
                var chunkUri = location;
                using var response = await SendAsync(() =>
                {
                    var content = new ByteArrayContent(buffer, 0, length);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    content.Headers.ContentLength = length;
                    var request = new HttpRequestMessage(HttpMethod.Patch, chunkUri) { Content = content };
                    // distribution reads "start-end" (inclusive) without the "bytes " unit.
                    request.Content.Headers.TryAddWithoutValidation("Content-Range", $"{start}-{start + length - 1}");
                    return request;
                }, PushScope(repository), retry: false, cancellationToken);
                if (response.StatusCode != HttpStatusCode.Accepted) throw await ErrorOrUnexpectedAsync(response, $"chunk {start}-{start + length - 1} of blob {blob.Digest} to {repository}", cancellationToken);
                location = Location(response);
                offset += length;
                progress?.Report(new TransferProgress(blob.Digest, blob.MediaType, offset, blob.Size, TransferState.Transferring));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var put = Location(location, "digest=" + Uri.EscapeDataString(blob.Digest));
        using var done = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, put) { Content = new ByteArrayContent([]) }, PushScope(repository), retry: false, cancellationToken);
        if (done.StatusCode != HttpStatusCode.Created) throw await ErrorOrUnexpectedAsync(done, $"upload of blob {blob.Digest} to {repository}", cancellationToken);
    }

    private static Uri Location(Uri location, string query)
    {
        var builder = new UriBuilder(location);
        var existing = builder.Query.TrimStart('?');
        builder.Query = existing.Length > 0 ? existing + "&" + query : query;
        return builder.Uri;
    }

    private async Task<OciException> ErrorOrUnexpectedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode
            ? new OciException(OciErrorKind.Registry, $"registry {Host} answered {(int)response.StatusCode} to {what}, which the distribution API does not allow", (int)response.StatusCode)
            : await ErrorAsync(response, what, cancellationToken);

    /// <summary>Reports upload progress as the HTTP stack reads the body.</summary>
    private sealed class ProgressStream(Stream inner, OciDescriptor blob, IProgress<TransferProgress>? progress) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Advance(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Advance(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private int Advance(int read)
        {
            _position += read;
            if (read > 0) progress?.Report(new TransferProgress(blob.Digest, blob.MediaType, _position, blob.Size, TransferState.Transferring));
            return read;
        }
    }
}
