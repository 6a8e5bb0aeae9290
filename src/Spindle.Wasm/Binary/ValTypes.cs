namespace Spindle.Wasm.Binary;

/// <summary>Helpers over <see cref="ValType"/> shared by all stages.</summary>
internal static class ValTypes
{
    /// <summary>The text-format name (<c>i32</c>, <c>funcref</c>).</summary>
    public static string Name(ValType type) => type switch
    {
        ValType.I32 => "i32",
        ValType.I64 => "i64",
        ValType.F32 => "f32",
        ValType.F64 => "f64",
        ValType.V128 => "v128",
        ValType.FuncRef => "funcref",
        ValType.ExternRef => "externref",
        _ => "unknown",
    };

    public static bool IsReference(ValType type) => type is ValType.FuncRef or ValType.ExternRef;

    public static bool IsNumeric(ValType type) => type is ValType.I32 or ValType.I64 or ValType.F32 or ValType.F64;
}
