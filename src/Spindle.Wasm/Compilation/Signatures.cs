using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// The CLR signature of a compiled function: <c>R0 f(p0..pn, ctx, depth, ref R1..ref Rk)</c>. The context is the
/// callee's <see cref="InstanceContext"/> (or the <see cref="Function"/> of a host stub); call sites type it as object.
/// It comes after the parameters so arguments already on the IL evaluation stack need no reordering. <c>depth</c> is
/// the caller's remaining call-depth budget (see <see cref="Frames"/>): passed in a register rather than kept in the
/// store, so calls and returns do no memory traffic for it.
/// </summary>
internal static class Signatures
{
    public static Type ReturnType(FuncType type) => type.Results.Count == 0 ? typeof(void) : Values.ClrType(type.Results[0]);

    public static Type[] ParameterTypes(FuncType type, Type contextType)
    {
        var parameters = type.Parameters;
        var results = type.Results;
        var extra = Math.Max(0, results.Count - 1);
        var types = new Type[2 + parameters.Count + extra];
        for (var i = 0; i < parameters.Count; i++)
        {
            types[i] = Values.ClrType(parameters[i]);
        }

        types[parameters.Count] = contextType;
        types[parameters.Count + 1] = typeof(int);

        for (var i = 0; i < extra; i++)
        {
            types[2 + parameters.Count + i] = Values.ClrType(results[1 + i]).MakeByRefType();
        }

        return types;
    }

    /// <summary>Emits an indirect call to a function of <paramref name="type"/> (arguments, context, depth, result addresses and code pointer pushed).</summary>
    public static void EmitCalli(System.Reflection.Emit.ILGenerator il, FuncType type) =>
        il.EmitCalli(System.Reflection.Emit.OpCodes.Calli, System.Reflection.CallingConventions.Standard, ReturnType(type), ParameterTypes(type, typeof(object)), null);

    /// <summary>The store instruction for a value of <paramref name="type"/> through a managed pointer.</summary>
    public static System.Reflection.Emit.OpCode StoreIndirect(ValType type) => type switch
    {
        ValType.I32 => System.Reflection.Emit.OpCodes.Stind_I4,
        ValType.I64 => System.Reflection.Emit.OpCodes.Stind_I8,
        ValType.F32 => System.Reflection.Emit.OpCodes.Stind_R4,
        ValType.F64 => System.Reflection.Emit.OpCodes.Stind_R8,
        _ => System.Reflection.Emit.OpCodes.Stind_Ref,
    };

    /// <summary>The <see cref="Values"/> method converting a boxed value to the CLR type of <paramref name="type"/>, or null for externref.</summary>
    public static System.Reflection.MethodInfo? Unbox(ValType type) => type switch
    {
        ValType.I32 => typeof(Values).GetMethod(nameof(Values.ToI32))!,
        ValType.I64 => typeof(Values).GetMethod(nameof(Values.ToI64))!,
        ValType.F32 => typeof(Values).GetMethod(nameof(Values.ToF32))!,
        ValType.F64 => typeof(Values).GetMethod(nameof(Values.ToF64))!,
        ValType.FuncRef => typeof(Values).GetMethod(nameof(Values.ToFuncRef))!,
        _ => null,
    };
}
