namespace Spindle.Oci;

/// <summary>Media types of OCI manifests and of Spin's artifact layers (spin crates/oci/src/client.rs).</summary>
public static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";

    /// <summary>The locked application (spin.lock JSON) as a layer; before Spin 2.0 it was the config blob.</summary>
    public const string SpinApplication = "application/vnd.fermyon.spin.application.v1+config";
    public const string WasmLayer = "application/vnd.wasm.content.layer.v1+wasm";
    /// <summary>What wkg pushes for a plain Wasm package; accepted on pull.</summary>
    public const string WasmPackage = "application/wasm";
    public const string DataLayer = "application/vnd.wasm.content.layer.v1+data";
    public const string ArchiveLayer = "application/vnd.wasm.content.bundle.v1.tar+gzip";

    public static bool IsWasm(string mediaType) => mediaType is WasmLayer or WasmPackage;
}
