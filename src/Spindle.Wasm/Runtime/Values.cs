using System.Diagnostics.CodeAnalysis;

namespace Spindle.Wasm.Runtime;

/// <summary>Mapping between Wasm value types, CLR types and boxed host values.</summary>
internal static class Values
{
    /// <summary>The CLR type compiled code uses for a value type (references are plain objects).</summary>
    public static Type ClrType(ValType type) => type switch
    {
        ValType.I32 => typeof(int),
        ValType.I64 => typeof(long),
        ValType.F32 => typeof(float),
        ValType.F64 => typeof(double),
        _ => typeof(object),
    };

    /// <summary>The value type of a CLR type used in host delegates, or null when it has none.</summary>
    public static ValType? FromClrType(Type type) =>
        type == typeof(int) ? ValType.I32
        : type == typeof(long) ? ValType.I64
        : type == typeof(float) ? ValType.F32
        : type == typeof(double) ? ValType.F64
        : type == typeof(Function) ? ValType.FuncRef
        : type == typeof(object) ? ValType.ExternRef
        : null;

    public static object? Default(ValType type) => type switch
    {
        ValType.I32 => 0,
        ValType.I64 => 0L,
        ValType.F32 => 0f,
        ValType.F64 => 0d,
        _ => null,
    };

    public static void Store(ValType type, object? value, Global global)
    {
        switch (type)
        {
            case ValType.I32: global.I32 = ToI32(value); break;
            case ValType.I64: global.I64 = ToI64(value); break;
            case ValType.F32: global.F32 = ToF32(value); break;
            case ValType.F64: global.F64 = ToF64(value); break;
            case ValType.FuncRef: global.Ref = ToFuncRef(value); break;
            default: global.Ref = value; break;
        }
    }

    /// <summary>Checks a boxed value against a value type and returns it in canonical boxed form.</summary>
    public static object? Check(ValType type, object? value) => type switch
    {
        ValType.I32 => ToI32(value),
        ValType.I64 => ToI64(value),
        ValType.F32 => ToF32(value),
        ValType.F64 => ToF64(value),
        ValType.FuncRef => ToFuncRef(value),
        _ => value,
    };

    // The To* methods are called by generated invokers (boxed host values to typed arguments).
    public static int ToI32(object? value) => value switch
    {
        int v => v,
        uint v => unchecked((int)v),
        _ => Mismatch<int>(ValType.I32, value),
    };

    public static long ToI64(object? value) => value switch
    {
        long v => v,
        int v => v,
        ulong v => unchecked((long)v),
        _ => Mismatch<long>(ValType.I64, value),
    };

    public static float ToF32(object? value) => value is float v ? v : Mismatch<float>(ValType.F32, value);

    public static double ToF64(object? value) => value switch
    {
        double v => v,
        float v => v,
        _ => Mismatch<double>(ValType.F64, value),
    };

    public static Function? ToFuncRef(object? value) => value is null or Function ? (Function?)value : Mismatch<Function>(ValType.FuncRef, value);

    public static object BoxI32(int value) => value;

    public static object BoxI64(long value) => value;

    public static object BoxF32(float value) => value;

    public static object BoxF64(double value) => value;

    [DoesNotReturn]
    private static T Mismatch<T>(ValType expected, object? value) =>
        throw new ArgumentException($"expected a value of type {Binary.ValTypes.Name(expected)}, got {(value is null ? "null" : value.GetType().Name)}");
}
