namespace Spindle.Wasm;

/// <summary>An export of a module: the type is a <see cref="FuncType"/>, <see cref="TableType"/>, <see cref="MemoryType"/> or <see cref="GlobalType"/>.</summary>
public sealed record ExportDescriptor(string Name, ExternKind Kind, object Type);
