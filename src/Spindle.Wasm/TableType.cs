namespace Spindle.Wasm;

/// <summary>A table's element reference type and size limits.</summary>
public sealed record TableType(ValType ElementType, Limits Limits);
