using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Validation;

// The per-instruction rules (spec 3.3), control and variable instructions here; the rest in other partials.
internal sealed partial class FunctionValidator
{
    private void ValidateInstruction(in Instruction ins)
    {
        if (OpcodeInfo.TryGetSimpleSignature(ins.Opcode, out var pops, out var pushes))
        {
            if (OpcodeInfo.IsMemoryAccess(ins.Opcode))
            {
                CheckMemArg(in ins);
            }

            Pop(pops);
            Push(pushes);
            return;
        }

        switch (ins.Opcode)
        {
            case Opcode.Unreachable:
                MarkUnreachable();
                break;
            case Opcode.Nop:
                break;
            case Opcode.Block or Opcode.Loop:
            {
                var (start, end) = ResolveBlockType(ins.BlockType);
                Pop(start);
                PushFrame(ins.Opcode, start, end);
                break;
            }

            case Opcode.If:
            {
                var (start, end) = ResolveBlockType(ins.BlockType);
                Pop(ValType.I32);
                Pop(start);
                PushFrame(Opcode.If, start, end);
                break;
            }

            case Opcode.Else:
            {
                var frame = PopFrame();
                PushFrame(Opcode.Else, frame.StartTypes, frame.EndTypes);
                break;
            }

            case Opcode.End:
            {
                var frame = PopFrame();

                // An if without else behaves as if the else passed its parameters through.
                if (frame.Kind == Opcode.If && !frame.StartTypes.AsSpan().SequenceEqual(frame.EndTypes))
                {
                    Fail($"type mismatch: if without else must have the same parameter and result types, found [{Names(frame.StartTypes)}] -> [{Names(frame.EndTypes)}]");
                }

                if (_frameCount > 0)
                {
                    Push(frame.EndTypes);
                }

                break;
            }

            case Opcode.Br:
                Pop(Label(ins.Index).LabelTypes);
                MarkUnreachable();
                break;
            case Opcode.BrIf:
            {
                Pop(ValType.I32);
                var types = Label(ins.Index).LabelTypes;
                Pop(types);
                Push(types);
                break;
            }

            case Opcode.BrTable:
                ValidateBrTable(in ins);
                break;
            case Opcode.Return:
                Pop(_frames[0].EndTypes);
                MarkUnreachable();
                break;
            case Opcode.Call:
            {
                var type = FunctionType(ins.Index);
                Pop(type.ParameterArray);
                Push(type.ResultArray);
                break;
            }

            case Opcode.CallIndirect:
            {
                var table = Table(ins.Index2);
                if (table.ElementType != ValType.FuncRef)
                {
                    Fail($"type mismatch: call_indirect needs a table of funcref, table {ins.Index2} holds {Name(table.ElementType)}");
                }

                var type = Type(ins.Index);
                Pop(ValType.I32);
                Pop(type.ParameterArray);
                Push(type.ResultArray);
                break;
            }

            case Opcode.Drop:
                Pop();
                break;
            case Opcode.Select:
                ValidateSelect();
                break;
            case Opcode.SelectTyped:
                if (ins.Index != 1)
                {
                    Fail($"invalid result arity: typed select needs exactly 1 type, found {ins.Index}");
                }

                Pop(ValType.I32);
                Pop(ins.ValueType);
                Pop(ins.ValueType);
                Push(ins.ValueType);
                break;
            case Opcode.LocalGet:
                Push(Local(ins.Index));
                break;
            case Opcode.LocalSet:
                Pop(Local(ins.Index));
                break;
            case Opcode.LocalTee:
            {
                var type = Local(ins.Index);
                Pop(type);
                Push(type);
                break;
            }

            case Opcode.GlobalGet:
                Push(Global(ins.Index).ValueType);
                break;
            case Opcode.GlobalSet:
            {
                var global = Global(ins.Index);
                if (!global.Mutable)
                {
                    Fail($"global is immutable: global {ins.Index} cannot be set");
                }

                Pop(global.ValueType);
                break;
            }

            default:
                ValidateOther(in ins);
                break;
        }
    }

    private (ValType[] Start, ValType[] End) ResolveBlockType(BlockType blockType)
    {
        switch (blockType.Kind)
        {
            case BlockTypeKind.Empty:
                return ([], []);
            case BlockTypeKind.Value:
                return ([], Single(blockType.ValueType));
            default:
                var type = Type(blockType.TypeIndex);
                return (type.ParameterArray, type.ResultArray);
        }
    }

    private void ValidateBrTable(in Instruction ins)
    {
        Pop(ValType.I32);
        var defaultTypes = Label(ins.Index).LabelTypes;
        var arity = defaultTypes.Length;
        var targets = new WasmReader(_module.Bytes, ins.BrTableStart, _module.Bytes.Length, "code");

        // Check each distinct label once: the work is then bounded by the nesting depth, not the table size.
        if (_checkedLabels.Length < _frameCount)
        {
            _checkedLabels = new int[Math.Max(_frameCount, _checkedLabels.Length * 2)];
        }

        var stamp = ++_brTableStamp;
        for (var i = 0; i < ins.BrTableCount; i++)
        {
            var depth = targets.ReadU32();
            var types = Label(depth).LabelTypes;
            var frame = _frameCount - 1 - (int)depth;
            if (_checkedLabels[frame] == stamp)
            {
                continue;
            }

            _checkedLabels[frame] = stamp;
            if (types.Length != arity)
            {
                Fail($"type mismatch: br_table targets have different arity ({types.Length} and {arity})");
            }

            CheckTop(types);
        }

        Pop(defaultTypes);
        MarkUnreachable();
    }

    /// <summary>Checks the top of the operand stack against <paramref name="types"/> without popping (pop then push back).</summary>
    private void CheckTop(ValType[] types)
    {
        for (var i = 0; i < types.Length; i++)
        {
            var expected = types[types.Length - 1 - i];
            var slot = _height - 1 - i;
            if (slot < _floor)
            {
                if (_polymorphic)
                {
                    return;
                }

                FailEmpty(expected);
            }

            var actual = _stack[slot];
            if (actual != expected && actual != Unknown)
            {
                FailMismatch(expected, actual);
            }
        }
    }

    private void ValidateSelect()
    {
        Pop(ValType.I32);
        var first = Pop();
        var second = Pop();
        if (ValTypes.IsReference(first) || ValTypes.IsReference(second))
        {
            Fail("type mismatch: select without a type immediate needs numeric operands; use select (result t) for references");
        }

        if (first != second && first != Unknown && second != Unknown)
        {
            Fail($"type mismatch: select operands differ: {Name(second)} and {Name(first)}");
        }

        Push(first == Unknown ? second : first);
    }
}
