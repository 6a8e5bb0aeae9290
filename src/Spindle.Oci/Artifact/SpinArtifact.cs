using Spindle.Oci.Manifest;

namespace Spindle.Oci.Artifact;

/// <summary>
/// A Spin application laid out as an OCI artifact, ready to push: manifest, config, the locked-app layer and the
/// content layers. Owns a temporary directory when archive layers were built.
/// </summary>
internal sealed class SpinArtifact : IDisposable
{
    public SpinArtifact(OciImageManifest manifest, ArtifactLayer config, IReadOnlyList<ArtifactLayer> layers, byte[] lockedApp, string? tempDirectory)
    {
        Manifest = manifest;
        ManifestBytes = manifest.ToJson();
        ManifestDigest = Digests.Sha256(ManifestBytes);
        Config = config;
        Layers = layers;
        LockedApp = lockedApp;
        TempDirectory = tempDirectory;
    }

    public OciImageManifest Manifest { get; }

    public byte[] ManifestBytes { get; }

    public string ManifestDigest { get; }

    public ArtifactLayer Config { get; }

    /// <summary>Content layers in manifest order; the locked-app layer is last.</summary>
    public IReadOnlyList<ArtifactLayer> Layers { get; }

    /// <summary>The locked app as pushed: sources replaced by digest (and inline) references, origin removed.</summary>
    public byte[] LockedApp { get; }

    public string? TempDirectory { get; }

    public void Dispose()
    {
        if (TempDirectory is not null && Directory.Exists(TempDirectory))
        {
            try
            {
                Directory.Delete(TempDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
