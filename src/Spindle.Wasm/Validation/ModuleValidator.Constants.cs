using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Validation;

// Constant expressions (spec 3.3.10): global initializers and segment offsets/initializers.
internal sealed partial class ModuleValidator
{
    private void CheckConstant(ConstantExpression expression, ValType expected)
    {
        if (expression.InvalidReason is { } reason)
        {
            throw new WasmValidationException(reason, null, expression.InvalidOffset, expression.InvalidOpcode);
        }

        var opcode = OpcodeInfo.Mnemonic(expression.Opcode);
        ValType actual;
        switch (expression.Opcode)
        {
            case Opcode.I32Const: actual = ValType.I32; break;
            case Opcode.I64Const: actual = ValType.I64; break;
            case Opcode.F32Const: actual = ValType.F32; break;
            case Opcode.F64Const: actual = ValType.F64; break;
            case Opcode.RefNull: actual = expression.RefType!.Value; break;
            case Opcode.RefFunc:
                if (expression.Index >= (uint)_module.TotalFunctionCount)
                {
                    throw new WasmValidationException($"unknown function {expression.Index}", null, expression.Offset, opcode);
                }

                actual = ValType.FuncRef;
                break;
            default:
                // global.get: Wasm 2.0 constant expressions may only read imported, immutable globals.
                if (expression.Index >= (uint)_module.ImportedGlobalCount)
                {
                    throw new WasmValidationException($"unknown global {expression.Index}", null, expression.Offset, opcode);
                }

                var global = _module.GlobalTypeOf(expression.Index);
                if (global.Mutable)
                {
                    throw new WasmValidationException("constant expression required", null, expression.Offset, opcode);
                }

                actual = global.ValueType;
                break;
        }

        if (actual != expected)
        {
            throw new WasmValidationException(
                $"type mismatch: expected {ValTypes.Name(expected)}, found {ValTypes.Name(actual)}", null, expression.Offset, opcode);
        }
    }
}
