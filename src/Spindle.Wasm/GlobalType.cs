namespace Spindle.Wasm;

/// <summary>A global's value type and mutability.</summary>
public sealed record GlobalType(ValType ValueType, bool Mutable);
