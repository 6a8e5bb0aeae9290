namespace Spindle.Wasm;

/// <summary>The kind of an import or export; values are the binary encoding's kind bytes.</summary>
public enum ExternKind : byte
{
    Func = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
}
