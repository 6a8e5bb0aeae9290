using System.Reflection.Emit;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

// Constants and numeric operators. Operators with a direct IL equivalent are emitted inline; the rest call the
// Numerics helper named after the opcode (inlined by the JIT).
internal sealed partial class FunctionCompiler
{
    private bool EmitNumeric(Opcode opcode)
    {
        if (!OpcodeInfo.TryGetSimpleSignature(opcode, out var pops, out var pushes))
        {
            return false;
        }

        if (IsFoldableFloatOperation(opcode) && HasIdentityConstantOperand(pops.Length))
        {
            Flush();
            LoadOperandsOpaque(pops.Length);
        }
        else
        {
            LoadOperands(pops.Length);
        }

        if (opcode == Opcode.F32DemoteF64 && _promoted == _stack.Count)
        {
            // The JIT folds demote(promote(x)) to x, which would keep a signalling NaN signalling.
            _il.Emit(OpCodes.Call, Helper(typeof(Numerics), nameof(Numerics.F32DemoteOpaque)));
            PushResult(ValType.F32);
            return true;
        }

        if (!EmitInline(opcode))
        {
            _il.Emit(OpCodes.Call, Helper(typeof(Numerics), opcode.ToString()));
        }

        PushResult(pushes[0]);
        _promoted = opcode == Opcode.F64PromoteF32 ? _stack.Count - 1 : -1;
        return true;
    }

    /// <summary>
    /// The JIT folds x+0, x-0, x*1, x/1, x*-1 and similar when it sees the constant, which drops the quieting of a
    /// signalling NaN that Wasm requires. Such constants are loaded through a call it cannot see through.
    /// </summary>
    private static bool IsFoldableFloatOperation(Opcode opcode) =>
        opcode is Opcode.F32Add or Opcode.F32Sub or Opcode.F32Mul or Opcode.F32Div
            or Opcode.F64Add or Opcode.F64Sub or Opcode.F64Mul or Opcode.F64Div;

    private bool HasIdentityConstantOperand(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            if (_info[^i].Constant is { } bits && IsIdentityConstant(_stack[^i], bits))
            {
                return true;
            }
        }

        return false;
    }

    private void LoadOperandsOpaque(int count)
    {
        for (var i = count; i > 0; i--)
        {
            var type = _stack[^i];
            if (_info[^i].Constant is { } bits && IsIdentityConstant(type, bits))
            {
                if (type == ValType.F32)
                {
                    _il.Emit(OpCodes.Ldc_I4, (int)bits);
                    _il.Emit(OpCodes.Call, Helper(typeof(Numerics), nameof(Numerics.F32FromBits)));
                }
                else
                {
                    _il.Emit(OpCodes.Ldc_I8, (long)bits);
                    _il.Emit(OpCodes.Call, Helper(typeof(Numerics), nameof(Numerics.F64FromBits)));
                }
            }
            else
            {
                Load(Slot(_stack.Count - i, type));
            }
        }

        _stack.RemoveRange(_stack.Count - count, count);
        _info.RemoveRange(_info.Count - count, count);
    }

    private static bool IsIdentityConstant(ValType type, ulong bits)
    {
        var value = type == ValType.F32 ? BitConverter.Int32BitsToSingle((int)bits) : BitConverter.Int64BitsToDouble((long)bits);
        return value is 0d or 1d or -1d;
    }

    private void EmitConstant(in Instruction ins)
    {
        switch (ins.Opcode)
        {
            case Opcode.I32Const:
                _il.Emit(OpCodes.Ldc_I4, ins.I32);
                PushResult(ValType.I32);
                break;
            case Opcode.I64Const:
                _il.Emit(OpCodes.Ldc_I8, ins.I64);
                PushResult(ValType.I64);
                break;
            case Opcode.F32Const:
                var f32 = BitConverter.Int32BitsToSingle((int)ins.Value);
                if (float.IsNaN(f32))
                {
                    // A NaN literal would pass through the JIT's double-typed constants and lose its payload.
                    _il.Emit(OpCodes.Ldc_I4, (int)ins.Value);
                    _il.Emit(OpCodes.Call, Helper(typeof(Numerics), nameof(Numerics.F32FromBits)));
                }
                else
                {
                    _il.Emit(OpCodes.Ldc_R4, f32);
                }

                PushResult(ValType.F32, (uint)ins.Value);
                break;
            default:
                var f64 = BitConverter.Int64BitsToDouble((long)ins.Value);
                if (double.IsNaN(f64))
                {
                    _il.Emit(OpCodes.Ldc_I8, (long)ins.Value);
                    _il.Emit(OpCodes.Call, Helper(typeof(Numerics), nameof(Numerics.F64FromBits)));
                }
                else
                {
                    _il.Emit(OpCodes.Ldc_R8, f64);
                }

                PushResult(ValType.F64, ins.Value);
                break;
        }
    }

    private bool EmitInline(Opcode opcode)
    {
        switch (opcode)
        {
            case Opcode.I32Eqz:
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
                return true;
            case Opcode.I64Eqz:
                _il.Emit(OpCodes.Ldc_I8, 0L);
                _il.Emit(OpCodes.Ceq);
                return true;
            case Opcode.I32Eq or Opcode.I64Eq or Opcode.F32Eq or Opcode.F64Eq:
                _il.Emit(OpCodes.Ceq);
                return true;
            case Opcode.I32Ne or Opcode.I64Ne or Opcode.F32Ne or Opcode.F64Ne:
                Not(OpCodes.Ceq);
                return true;
            case Opcode.I32LtS or Opcode.I64LtS or Opcode.F32Lt or Opcode.F64Lt:
                _il.Emit(OpCodes.Clt);
                return true;
            case Opcode.I32LtU or Opcode.I64LtU:
                _il.Emit(OpCodes.Clt_Un);
                return true;
            case Opcode.I32GtS or Opcode.I64GtS or Opcode.F32Gt or Opcode.F64Gt:
                _il.Emit(OpCodes.Cgt);
                return true;
            case Opcode.I32GtU or Opcode.I64GtU:
                _il.Emit(OpCodes.Cgt_Un);
                return true;
            case Opcode.I32LeS or Opcode.I64LeS:
                Not(OpCodes.Cgt);
                return true;
            case Opcode.I32LeU or Opcode.I64LeU or Opcode.F32Le or Opcode.F64Le:
                // For floats, !(a >un b) is "ordered and a <= b": false for NaN as Wasm requires.
                Not(OpCodes.Cgt_Un);
                return true;
            case Opcode.I32GeS or Opcode.I64GeS:
                Not(OpCodes.Clt);
                return true;
            case Opcode.I32GeU or Opcode.I64GeU or Opcode.F32Ge or Opcode.F64Ge:
                Not(OpCodes.Clt_Un);
                return true;
            case Opcode.I32Add or Opcode.I64Add or Opcode.F32Add or Opcode.F64Add:
                _il.Emit(OpCodes.Add);
                return true;
            case Opcode.I32Sub or Opcode.I64Sub or Opcode.F32Sub or Opcode.F64Sub:
                _il.Emit(OpCodes.Sub);
                return true;
            case Opcode.I32Mul or Opcode.I64Mul or Opcode.F32Mul or Opcode.F64Mul:
                _il.Emit(OpCodes.Mul);
                return true;
            case Opcode.F32Div or Opcode.F64Div:
                _il.Emit(OpCodes.Div);
                return true;
            case Opcode.I32And or Opcode.I64And:
                _il.Emit(OpCodes.And);
                return true;
            case Opcode.I32Or or Opcode.I64Or:
                _il.Emit(OpCodes.Or);
                return true;
            case Opcode.I32Xor or Opcode.I64Xor:
                _il.Emit(OpCodes.Xor);
                return true;
            case Opcode.I32Shl: Shift(OpCodes.Shl, 31, wide: false); return true;
            case Opcode.I32ShrS: Shift(OpCodes.Shr, 31, wide: false); return true;
            case Opcode.I32ShrU: Shift(OpCodes.Shr_Un, 31, wide: false); return true;
            case Opcode.I64Shl: Shift(OpCodes.Shl, 63, wide: true); return true;
            case Opcode.I64ShrS: Shift(OpCodes.Shr, 63, wide: true); return true;
            case Opcode.I64ShrU: Shift(OpCodes.Shr_Un, 63, wide: true); return true;
            case Opcode.I32WrapI64: _il.Emit(OpCodes.Conv_I4); return true;
            case Opcode.I64ExtendI32S: _il.Emit(OpCodes.Conv_I8); return true;
            case Opcode.I64ExtendI32U: _il.Emit(OpCodes.Conv_U8); return true;
            case Opcode.F32ConvertI32S or Opcode.F32ConvertI64S or Opcode.F32DemoteF64: _il.Emit(OpCodes.Conv_R4); return true;
            case Opcode.F64ConvertI32S or Opcode.F64ConvertI64S or Opcode.F64PromoteF32: _il.Emit(OpCodes.Conv_R8); return true;
            case Opcode.I32Extend8S: _il.Emit(OpCodes.Conv_I1); return true;
            case Opcode.I32Extend16S: _il.Emit(OpCodes.Conv_I2); return true;
            case Opcode.I64Extend8S: _il.Emit(OpCodes.Conv_I1); _il.Emit(OpCodes.Conv_I8); return true;
            case Opcode.I64Extend16S: _il.Emit(OpCodes.Conv_I2); _il.Emit(OpCodes.Conv_I8); return true;
            case Opcode.I64Extend32S: _il.Emit(OpCodes.Conv_I4); _il.Emit(OpCodes.Conv_I8); return true;
            default:
                return false;
        }
    }

    private void Not(OpCode compare)
    {
        _il.Emit(compare);
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ceq);
    }

    /// <summary>Wasm shift counts are taken modulo the width; IL leaves larger counts unspecified.</summary>
    private void Shift(OpCode shift, int mask, bool wide)
    {
        if (wide)
        {
            _il.Emit(OpCodes.Conv_I4);
        }

        _il.Emit(OpCodes.Ldc_I4, mask);
        _il.Emit(OpCodes.And);
        _il.Emit(shift);
    }
}
