namespace Spindle.Wasm;

/// <summary>A WebAssembly value type; the values are the binary encoding's type bytes.</summary>
public enum ValType : byte
{
    I32 = 0x7F,
    I64 = 0x7E,
    F32 = 0x7D,
    F64 = 0x7C,
    V128 = 0x7B,
    FuncRef = 0x70,
    ExternRef = 0x6F,
}
