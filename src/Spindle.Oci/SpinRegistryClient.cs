using Spindle.Oci.Artifact;
using Spindle.Oci.Auth;
using Spindle.Oci.Distribution;
using Spindle.Oci.Manifest;

namespace Spindle.Oci;

/// <summary>
/// `spin registry push/pull/login` over the distribution API: push lays a locked app out as Spin's artifact and
/// uploads what the registry lacks; pull fetches a Spin application (either layout) or a plain Wasm package into the
/// cache, verifying everything first; login validates credentials with a real request before storing them.
/// </summary>
public sealed partial class SpinRegistryClient
{
    private readonly CredentialStore _credentials;
    private readonly RegistryClientOptions _options;

    public SpinRegistryClient(CredentialStore credentials, RegistryClientOptions options)
    {
        _credentials = credentials;
        _options = options;
    }

    /// <summary>
    /// Pushes a locked app (JSON whose sources are file:// URLs) to <paramref name="reference"/>. Blobs the registry
    /// already has are skipped, so a push that was interrupted resumes where it stopped.
    /// </summary>
    public async Task<PushResult> PushAsync(string reference, ReadOnlyMemory<byte> lockedAppJson, SpinArtifactOptions artifactOptions,
        IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var target = ImageReference.Parse(reference);
        if (target.Digest is not null) throw new OciException(OciErrorKind.InvalidReference, $"invalid reference \"{reference}\" for push: give a tag, not a digest (the digest is computed from the content)");
        using var artifact = await SpinArtifactBuilder.BuildAsync(lockedAppJson, artifactOptions, cancellationToken);
        return await PushArtifactAsync(target, artifact, progress, cancellationToken);
    }

    internal async Task<PushResult> PushArtifactAsync(ImageReference target, SpinArtifact artifact, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        using var client = await CreateClientAsync(target.RegistryHost, cancellationToken);
        var scope = RegistryClient.PushScope(target.Repository);
        var blobs = new List<ArtifactLayer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var blob in (ArtifactLayer[])[artifact.Config, .. artifact.Layers])
        {
            if (seen.Add(blob.Descriptor.Digest)) blobs.Add(blob);
        }

        var uploaded = 0;
        var skipped = 0;
        // The first blob goes alone so the auth challenge is answered (and a token fetched) once, not by every worker.
        await PushBlobAsync(blobs[0], cancellationToken);
        await Parallel.ForEachAsync(blobs.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelTransfers, CancellationToken = cancellationToken },
            async (blob, ct) => await PushBlobAsync(blob, ct));

        var digest = await client.PutManifestAsync(target, artifact.ManifestBytes, MediaTypes.OciManifest, cancellationToken);
        return new PushResult(target, digest, artifact.Layers.Count, uploaded, skipped);

        async Task PushBlobAsync(ArtifactLayer blob, CancellationToken ct)
        {
            if (await client.BlobExistsAsync(target.Repository, blob.Descriptor.Digest, scope, ct))
            {
                Interlocked.Increment(ref skipped);
                progress?.Report(new TransferProgress(blob.Descriptor.Digest, blob.Descriptor.MediaType, blob.Descriptor.Size, blob.Descriptor.Size, TransferState.Skipped));
                return;
            }

            await client.UploadBlobAsync(target.Repository, blob.Descriptor, blob.Open, progress, ct);
            Interlocked.Increment(ref uploaded);
        }
    }

    /// <summary>Checks credentials against the registry (GET /v2/ through its auth flow), then saves them.</summary>
    public async Task LoginAsync(string server, RegistryCredentials credentials, CancellationToken cancellationToken)
    {
        var host = CredentialStore.NormalizeServer(server);
        if (!ImageReference.IsHost(host))
        {
            throw new OciException(OciErrorKind.InvalidInput, $"invalid registry \"{server}\": expected host[:port], e.g. ghcr.io or localhost:5000");
        }

        using (var client = new RegistryClient(host, credentials, _options))
        {
            try
            {
                await client.PingAsync(cancellationToken);
            }
            catch (OciException e) when (e.Kind is OciErrorKind.Unauthorized or OciErrorKind.Denied)
            {
                throw new OciException(OciErrorKind.Unauthorized, $"cannot log in to {host} as {credentials.Username}: the registry refused the credentials; check the username and password (or token)", e.StatusCode, e.RegistryCode, e);
            }
        }

        await _credentials.SaveAsync(host, credentials, cancellationToken);
    }

    /// <summary>Tags of a repository.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(repository);
        using var client = await CreateClientAsync(reference.RegistryHost, cancellationToken);
        return await client.ListTagsAsync(reference.Repository, cancellationToken);
    }

    internal async Task<RegistryClient> CreateClientAsync(string host, CancellationToken cancellationToken) =>
        new(host, await _credentials.GetAsync(host, cancellationToken), _options);

    internal static OciImageManifest ParseManifest(byte[] bytes, ImageReference reference) => OciImageManifest.Parse(bytes, $"the manifest of {reference}");
}
