namespace Spindle.Wasm;

/// <summary>A linear memory's size limits in 64 KiB pages.</summary>
public sealed record MemoryType(Limits Limits);
