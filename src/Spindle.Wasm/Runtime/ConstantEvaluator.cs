using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Runtime;

/// <summary>Evaluates constant expressions (global initializers, segment offsets, element initializers).</summary>
internal static class ConstantEvaluator
{
    public static int I32(InstanceContext ctx, ConstantExpression expression) => expression.Opcode switch
    {
        Opcode.GlobalGet => ctx.Globals[expression.Index].I32,
        _ => (int)expression.Value,
    };

    public static object? Reference(InstanceContext ctx, ConstantExpression expression) => expression.Opcode switch
    {
        Opcode.RefFunc => ctx.GetFunction((int)expression.Index),
        Opcode.GlobalGet => ctx.Globals[expression.Index].Ref,
        _ => null,
    };

    /// <summary>Initializes a new global from its initializer.</summary>
    public static void Initialize(InstanceContext ctx, Global global, ConstantExpression expression)
    {
        if (expression.Opcode == Opcode.GlobalGet)
        {
            var source = ctx.Globals[expression.Index];
            global.I32 = source.I32;
            global.I64 = source.I64;
            global.F32 = source.F32;
            global.F64 = source.F64;
            global.Ref = source.Ref;
            return;
        }

        switch (expression.Opcode)
        {
            case Opcode.I32Const: global.I32 = (int)expression.Value; break;
            case Opcode.I64Const: global.I64 = (long)expression.Value; break;
            case Opcode.F32Const: global.F32 = BitConverter.Int32BitsToSingle((int)expression.Value); break;
            case Opcode.F64Const: global.F64 = BitConverter.Int64BitsToDouble((long)expression.Value); break;
            default: global.Ref = Reference(ctx, expression); break;
        }
    }
}
