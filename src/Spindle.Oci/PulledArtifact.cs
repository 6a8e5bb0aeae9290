namespace Spindle.Oci;

/// <summary>
/// What a pull left in the cache. <see cref="LockedAppPath"/> is config.json: the locked app of a Spin application
/// (either layout), or the plain config of a Wasm package, whose single layer is <see cref="PackageWasmPath"/>.
/// </summary>
public sealed record PulledArtifact(
    ImageReference Reference,
    string ManifestDigest,
    string ManifestPath,
    string LockedAppPath,
    bool IsApplication,
    string? PackageWasmPath,
    int DownloadedBlobs,
    int CachedBlobs);
