namespace Spindle.Spin.Manifest;

public enum ComponentSourceKind
{
    /// <summary><c>source = "path/to.wasm"</c>, relative to the manifest.</summary>
    Local,
    /// <summary><c>source = { url, digest = "sha256:..." }</c>.</summary>
    Remote,
    /// <summary><c>source = { registry?, package = "ns:name", version }</c> (wasm-pkg registry).</summary>
    Registry,
}
