using System.Reflection.Emit;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

// Locals, globals, references and tables.
internal sealed partial class FunctionCompiler
{
    private bool EmitVariable(in Instruction ins)
    {
        var index = (int)ins.Index;
        switch (ins.Opcode)
        {
            case Opcode.LocalGet:
                LoadLocal(index);
                PushResult(_localTypes[index]);
                _info[^1] = new StackInfo(null, index);
                return true;
            case Opcode.LocalSet:
                LoadOperands(1);
                StoreLocal(index);
                return true;
            case Opcode.LocalTee:
                LoadOperands(1);
                _il.Emit(OpCodes.Dup);
                StoreLocal(index);
                PushResult(_localTypes[index]);
                return true;
            case Opcode.GlobalGet:
                LoadGlobalCell(index);
                _il.Emit(OpCodes.Ldfld, GlobalField(_module.GlobalTypeOf((uint)index).ValueType));
                PushResult(_module.GlobalTypeOf((uint)index).ValueType);
                return true;
            case Opcode.GlobalSet:
                var value = Pop();
                LoadGlobalCell(index);
                Load(value);
                _il.Emit(OpCodes.Stfld, GlobalField(_module.GlobalTypeOf((uint)index).ValueType));
                return true;
            case Opcode.RefNull:
                _il.Emit(OpCodes.Ldnull);
                PushResult(ins.RefType);
                return true;
            case Opcode.RefIsNull:
                LoadOperands(1);
                _il.Emit(OpCodes.Ldnull);
                _il.Emit(OpCodes.Ceq);
                PushResult(ValType.I32);
                return true;
            case Opcode.RefFunc:
                LoadContext();
                _il.Emit(OpCodes.Ldc_I4, index);
                _il.Emit(OpCodes.Call, Helper(typeof(TableOps), nameof(TableOps.RefFunc)));
                PushResult(ValType.FuncRef);
                return true;
            case Opcode.TableGet:
                CallTableHelper(nameof(TableOps.Get), 1, _module.TableTypeOf((uint)index).ElementType, index);
                return true;
            case Opcode.TableSet:
                CallTableHelper(nameof(TableOps.Set), 2, null, index);
                return true;
            case Opcode.TableSize:
                CallTableHelper(nameof(TableOps.Size), 0, ValType.I32, index);
                return true;
            case Opcode.TableGrow:
                CallTableHelper(nameof(TableOps.Grow), 2, ValType.I32, index);
                return true;
            case Opcode.TableFill:
                CallTableHelper(nameof(TableOps.Fill), 3, null, index);
                return true;
            case Opcode.TableCopy:
            case Opcode.TableInit:
                CallTableHelper(ins.Opcode == Opcode.TableCopy ? nameof(TableOps.Copy) : nameof(TableOps.Init), 3, null, index, (int)ins.Index2);
                return true;
            case Opcode.ElemDrop:
                CallTableHelper(nameof(TableOps.ElemDrop), 0, null, index);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Calls a <see cref="TableOps"/> helper: operands, then the context, then the immediates.</summary>
    private void CallTableHelper(string name, int operands, ValType? result, int immediate, int? immediate2 = null)
    {
        LoadOperands(operands);
        LoadContext();
        _il.Emit(OpCodes.Ldc_I4, immediate);
        if (immediate2 is { } second)
        {
            _il.Emit(OpCodes.Ldc_I4, second);
        }

        _il.Emit(OpCodes.Call, Helper(typeof(TableOps), name));
        if (result is { } type)
        {
            PushResult(type);
        }
    }

    private void LoadLocal(int index)
    {
        if (_locals[index] is { } local)
        {
            Load(local);
        }
        else
        {
            _il.Emit(OpCodes.Ldarg, ParameterIndex(index));
        }
    }

    private void StoreLocal(int index)
    {
        // The local changes: values read from it earlier no longer alias it, and its known bounds are void.
        _safeEnds.Remove(index);
        for (var i = 0; i < _info.Count; i++)
        {
            if (_info[i].Local == index)
            {
                _info[i] = _info[i] with { Local = -1 };
            }
        }

        if (_locals[index] is { } local)
        {
            Store(local);
        }
        else
        {
            _il.Emit(OpCodes.Starg, ParameterIndex(index));
        }
    }

    /// <summary>A Wasm parameter not copied into an IL local is the method's argument of the same index.</summary>
    private int ParameterIndex(int local) => _region is null
        ? local
        : throw new InvalidOperationException($"region at @0x{_region.Start:X} uses local {local}, which it was not given");

    private void LoadGlobalCell(int index)
    {
        LoadContext();
        _il.Emit(OpCodes.Ldfld, Field(typeof(InstanceContext), nameof(InstanceContext.Globals)));
        _il.Emit(OpCodes.Ldc_I4, index);
        _il.Emit(OpCodes.Ldelem_Ref);
    }

    private static System.Reflection.FieldInfo GlobalField(ValType type) => Field(typeof(Global), type switch
    {
        ValType.I32 => nameof(Global.I32),
        ValType.I64 => nameof(Global.I64),
        ValType.F32 => nameof(Global.F32),
        ValType.F64 => nameof(Global.F64),
        _ => nameof(Global.Ref),
    });
}
