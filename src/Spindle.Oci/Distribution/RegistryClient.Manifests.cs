using System.Net;
using System.Net.Http.Headers;

namespace Spindle.Oci.Distribution;

internal sealed partial class RegistryClient
{
    private static readonly string[] ManifestAccept = [MediaTypes.OciManifest, MediaTypes.DockerManifest, MediaTypes.OciIndex, MediaTypes.DockerManifestList];

    /// <summary>
    /// GET /v2/&lt;name&gt;/manifests/&lt;reference&gt;, bounded by <see cref="RegistryClientOptions.MaxManifestBytes"/> and
    /// verified: against the digest when the reference has one, else against the registry's Docker-Content-Digest.
    /// </summary>
    public async Task<(byte[] Bytes, string Digest, string? MediaType)> GetManifestAsync(ImageReference reference, string scope, CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUri, $"v2/{reference.Repository}/manifests/{reference.ManifestReference}");
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            foreach (var accept in ManifestAccept) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            return request;
        }, scope, retry: true, cancellationToken);
        var what = reference.Digest is null
            ? $"tag \"{reference.Tag}\" of repository {reference.Repository} on {Host}"
            : $"manifest {reference.Digest} of repository {reference.Repository} on {Host}";
        await EnsureSuccessAsync(response, what, cancellationToken);
        var bytes = await ReadBoundedAsync(response, _options.MaxManifestBytes, $"the manifest of {reference}", OciErrorKind.ManifestTooLarge, cancellationToken);
        var digest = Digests.Sha256(bytes);
        var expected = reference.Digest
            ?? (response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null);
        if (expected is not null && expected.StartsWith(Digests.Sha256Prefix, StringComparison.Ordinal) && expected != digest)
        {
            throw new OciException(OciErrorKind.DigestMismatch, $"the manifest of {reference} has digest {digest}, but {expected} was expected: the registry content is corrupt or tampered; nothing was cached");
        }

        return (bytes, digest, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>PUT /v2/&lt;name&gt;/manifests/&lt;tag&gt;; returns the manifest's digest (computed here, checked against the registry's).</summary>
    public async Task<string> PutManifestAsync(ImageReference reference, byte[] manifest, string mediaType, CancellationToken cancellationToken)
    {
        var digest = Digests.Sha256(manifest);
        var uri = new Uri(BaseUri, $"v2/{reference.Repository}/manifests/{reference.Tag ?? digest}");
        using var response = await SendAsync(() =>
        {
            var content = new ByteArrayContent(manifest);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return new HttpRequestMessage(HttpMethod.Put, uri) { Content = content };
        }, PushScope(reference.Repository), retry: true, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw await ErrorOrUnexpectedAsync(response, $"manifest of {reference}", cancellationToken);
        }

        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } registryDigest && registryDigest != digest)
        {
            throw new OciException(OciErrorKind.Registry, $"registry {Host} stored the manifest of {reference} as {registryDigest}, not {digest}");
        }

        return digest;
    }
}
