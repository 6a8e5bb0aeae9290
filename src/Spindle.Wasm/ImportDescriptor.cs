namespace Spindle.Wasm;

/// <summary>An import of a module: the type is a <see cref="FuncType"/>, <see cref="TableType"/>, <see cref="MemoryType"/> or <see cref="GlobalType"/>.</summary>
public sealed record ImportDescriptor(string Module, string Name, ExternKind Kind, object Type);
