using System.Reflection.Emit;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

// Loads and stores: one bounds check each against the cached length, then an unaligned access off the cached base.
internal sealed partial class FunctionCompiler
{
    private bool EmitMemory(in Instruction ins)
    {
        _accessProven = _provenAccesses is not null && _provenAccesses.Contains(ins.Offset);
        _accessPointer = _accessProven && _accessPointers is not null && _accessPointers.TryGetValue(ins.Offset, out var pointer) ? pointer : null;
        switch (ins.Opcode)
        {
            case Opcode.I32Load: EmitLoad(ins.MemOffset, 4, OpCodes.Ldind_I4, null, ValType.I32); return true;
            case Opcode.I64Load: EmitLoad(ins.MemOffset, 8, OpCodes.Ldind_I8, null, ValType.I64); return true;
            case Opcode.F32Load: EmitLoad(ins.MemOffset, 4, OpCodes.Ldind_R4, null, ValType.F32); return true;
            case Opcode.F64Load: EmitLoad(ins.MemOffset, 8, OpCodes.Ldind_R8, null, ValType.F64); return true;
            case Opcode.I32Load8S: EmitLoad(ins.MemOffset, 1, OpCodes.Ldind_I1, null, ValType.I32); return true;
            case Opcode.I32Load8U: EmitLoad(ins.MemOffset, 1, OpCodes.Ldind_U1, null, ValType.I32); return true;
            case Opcode.I32Load16S: EmitLoad(ins.MemOffset, 2, OpCodes.Ldind_I2, null, ValType.I32); return true;
            case Opcode.I32Load16U: EmitLoad(ins.MemOffset, 2, OpCodes.Ldind_U2, null, ValType.I32); return true;
            case Opcode.I64Load8S: EmitLoad(ins.MemOffset, 1, OpCodes.Ldind_I1, OpCodes.Conv_I8, ValType.I64); return true;
            case Opcode.I64Load8U: EmitLoad(ins.MemOffset, 1, OpCodes.Ldind_U1, OpCodes.Conv_U8, ValType.I64); return true;
            case Opcode.I64Load16S: EmitLoad(ins.MemOffset, 2, OpCodes.Ldind_I2, OpCodes.Conv_I8, ValType.I64); return true;
            case Opcode.I64Load16U: EmitLoad(ins.MemOffset, 2, OpCodes.Ldind_U2, OpCodes.Conv_U8, ValType.I64); return true;
            case Opcode.I64Load32S: EmitLoad(ins.MemOffset, 4, OpCodes.Ldind_I4, OpCodes.Conv_I8, ValType.I64); return true;
            case Opcode.I64Load32U: EmitLoad(ins.MemOffset, 4, OpCodes.Ldind_U4, OpCodes.Conv_U8, ValType.I64); return true;
            case Opcode.I32Store: EmitStore(ins.MemOffset, 4, null, OpCodes.Stind_I4); return true;
            case Opcode.I64Store: EmitStore(ins.MemOffset, 8, null, OpCodes.Stind_I8); return true;
            case Opcode.F32Store: EmitStore(ins.MemOffset, 4, null, OpCodes.Stind_R4); return true;
            case Opcode.F64Store: EmitStore(ins.MemOffset, 8, null, OpCodes.Stind_R8); return true;
            case Opcode.I32Store8: EmitStore(ins.MemOffset, 1, null, OpCodes.Stind_I1); return true;
            case Opcode.I32Store16: EmitStore(ins.MemOffset, 2, null, OpCodes.Stind_I2); return true;
            case Opcode.I64Store8: EmitStore(ins.MemOffset, 1, OpCodes.Conv_I4, OpCodes.Stind_I1); return true;
            case Opcode.I64Store16: EmitStore(ins.MemOffset, 2, OpCodes.Conv_I4, OpCodes.Stind_I2); return true;
            case Opcode.I64Store32: EmitStore(ins.MemOffset, 4, OpCodes.Conv_I4, OpCodes.Stind_I4); return true;
            case Opcode.MemorySize:
                LoadContext();
                _il.Emit(OpCodes.Call, Helper(typeof(MemoryOps), nameof(MemoryOps.Size)));
                PushResult(ValType.I32);
                return true;
            case Opcode.MemoryGrow:
                LoadOperands(1);
                LoadContext();
                _il.Emit(OpCodes.Call, Helper(typeof(MemoryOps), nameof(MemoryOps.Grow)));
                PushResult(ValType.I32);
                ReloadMemory();
                return true;
            case Opcode.MemoryFill:
                LoadOperands(3);
                LoadContext();
                _il.Emit(OpCodes.Call, Helper(typeof(MemoryOps), nameof(MemoryOps.Fill)));
                return true;
            case Opcode.MemoryCopy:
                LoadOperands(3);
                LoadContext();
                _il.Emit(OpCodes.Call, Helper(typeof(MemoryOps), nameof(MemoryOps.Copy)));
                return true;
            case Opcode.MemoryInit:
                LoadOperands(3);
                LoadContext();
                _il.Emit(OpCodes.Ldc_I4, (int)ins.Index);
                _il.Emit(OpCodes.Call, Helper(typeof(MemoryOps), nameof(MemoryOps.Init)));
                return true;
            case Opcode.DataDrop:
                LoadContext();
                _il.Emit(OpCodes.Ldc_I4, (int)ins.Index);
                _il.Emit(OpCodes.Call, Helper(typeof(MemoryOps), nameof(MemoryOps.DataDrop)));
                return true;
            default:
                return false;
        }
    }

    private void EmitLoad(uint offset, int size, OpCode load, OpCode? extend, ValType result)
    {
        // The bounds check branches, so the IL stack is spilled first.
        var local = _info[^1].Local;
        var address = Pop();
        EmitAddress(address, offset, size, local);
        _il.Emit(OpCodes.Unaligned, (byte)1);
        _il.Emit(load);
        if (extend is { } conv)
        {
            _il.Emit(conv);
        }

        PushResult(result);
    }

    private void EmitStore(uint offset, int size, OpCode? narrow, OpCode store)
    {
        var local = _info[^2].Local;
        var value = Pop();
        var address = Pop();
        EmitAddress(address, offset, size, local);
        Load(value);
        if (narrow is { } conv)
        {
            _il.Emit(conv);
        }

        _il.Emit(OpCodes.Unaligned, (byte)1);
        _il.Emit(store);
    }

    /// <summary>
    /// Checks <c>(long)(uint)address &gt; (long)length - (offset + size)</c> (signed, so a memory smaller than
    /// offset + size traps for every address) and pushes the effective managed address. The right-hand side is
    /// loop-invariant, so the JIT hoists it and each access costs one compare and branch. An address read from a
    /// local already checked for at least this end in the same straight-line region is not checked again (memories
    /// never shrink, so calls in between do not invalidate it).
    /// </summary>
    private void EmitAddress(LocalBuilder address, uint offset, int size, int local)
    {
        var end = (long)offset + size;
        if (_accessPointer is var (pointer, displacement))
        {
            // Proven and addressed from its group's pointer (FunctionCompiler.LoopPointers.cs).
            Load(pointer);
            if (displacement + offset != 0)
            {
                _il.Emit(OpCodes.Ldc_I8, displacement + offset);
                _il.Emit(OpCodes.Conv_I);
                _il.Emit(OpCodes.Add);
            }

            return;
        }

        if (_accessProven)
        {
            // In a versioned loop's fast copy, proven in bounds before the loop (FunctionCompiler.LoopVersioning.cs).
        }
        else if (local < 0 || !_safeEnds.TryGetValue(local, out var safe) || safe < end)
        {
            EmitBoundsCheck(address, end);
            if (local >= 0)
            {
                _safeEnds[local] = end;
            }
        }

        Load(_memBase!);
        Load(address);
        _il.Emit(OpCodes.Conv_U);
        _il.Emit(OpCodes.Add);
        if (offset != 0)
        {
            _il.Emit(OpCodes.Ldc_I8, (long)offset);
            _il.Emit(OpCodes.Conv_U);
            _il.Emit(OpCodes.Add);
        }
    }

    private void EmitBoundsCheck(LocalBuilder address, long end)
    {
        _outOfBounds ??= _il.DefineLabel();
        Load(address);
        _il.Emit(OpCodes.Conv_U8);
        Load(_memLen!);
        _il.Emit(OpCodes.Ldc_I8, end);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Bgt, _outOfBounds.Value);
    }
}
