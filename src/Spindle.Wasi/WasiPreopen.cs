namespace Spindle.Wasi;

/// <summary>A host directory the guest may use, seen by the guest as <paramref name="GuestPath"/>.</summary>
/// <param name="HostPath">The host directory (must exist).</param>
/// <param name="GuestPath">The name the guest sees (wasmtime's <c>--dir HOST::GUEST</c>).</param>
/// <param name="ReadOnly">Withhold every right that would change the file system under this directory.</param>
public sealed record WasiPreopen(string HostPath, string GuestPath, bool ReadOnly = false);
