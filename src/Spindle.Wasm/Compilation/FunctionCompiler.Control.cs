using System.Reflection.Emit;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

// Structured control flow, branches (with the moves that put branch values into the target's slots) and calls.
internal sealed partial class FunctionCompiler
{
    private void Emit(in Instruction ins, ref InstructionReader reader)
    {
        if (_regions is not null && _regions.TryGetValue(ins.Offset, out var region))
        {
            // An outlined region (FunctionCompiler.Outlining.cs): call its method and continue after it.
            CallRegion(region);
            while (reader.Position < region.End && reader.Read(out _))
            {
            }

            return;
        }

        switch (ins.Opcode)
        {
            case Opcode.Unreachable:
                Flush();
                _il.Emit(OpCodes.Call, Helper(typeof(Trap), nameof(Trap.Unreachable)));
                _il.Emit(OpCodes.Throw);
                Top.Unreachable = true;
                break;
            case Opcode.Nop:
                break;
            case Opcode.Loop when TryVersionLoop(in ins, ref reader):
                break;
            case Opcode.Block:
            case Opcode.Loop:
            case Opcode.If:
                EnterBlock(in ins);
                break;
            case Opcode.Else:
                Else();
                break;
            case Opcode.End:
                End();
                break;
            case Opcode.Br:
                Branch((int)ins.Index);
                Top.Unreachable = true;
                break;
            case Opcode.BrIf:
                BranchIf((int)ins.Index);
                break;
            case Opcode.BrTable:
                BranchTable(in ins, ref reader);
                break;
            case Opcode.Return:
                Branch(_frames.Count - 1 + _virtualOuter);
                Top.Unreachable = true;
                break;
            case Opcode.Call:
                Call((int)ins.Index);
                break;
            case Opcode.CallIndirect:
                CallIndirect((int)ins.Index, (int)ins.Index2);
                break;
            case Opcode.Drop:
                Drop();
                break;
            case Opcode.Select:
            case Opcode.SelectTyped:
                Select();
                break;
            case Opcode.I32Const:
            case Opcode.I64Const:
            case Opcode.F32Const:
            case Opcode.F64Const:
                EmitConstant(in ins);
                break;
            default:
                if (!EmitVariable(in ins) && !EmitMemory(in ins) && !EmitNumeric(ins.Opcode))
                {
                    throw new InvalidOperationException($"compiler does not support {OpcodeInfo.Mnemonic(ins.Opcode)} at @0x{ins.Offset:X}");
                }

                break;
        }
    }

    /// <summary>Unreachable code: track nesting only, until the current frame's else or end.</summary>
    private void Skip(in Instruction ins)
    {
        switch (ins.Opcode)
        {
            case Opcode.Block:
            case Opcode.Loop:
            case Opcode.If:
                _skipDepth++;
                break;
            case Opcode.Else when _skipDepth == 0:
                Else();
                break;
            case Opcode.End when _skipDepth == 0:
                End();
                break;
            case Opcode.End:
                _skipDepth--;
                break;
        }
    }

    private void Drop()
    {
        if (_ilDepth > 0)
        {
            _il.Emit(OpCodes.Pop);
            _ilDepth--;
        }

        _stack.RemoveAt(_stack.Count - 1);
        _info.RemoveAt(_info.Count - 1);
    }

    private void EnterBlock(in Instruction ins)
    {
        // Block parameters (and everything below) live in slots across the block.
        Flush();
        var (parameters, results) = BlockSignature(ins.BlockType);
        LocalBuilder? condition = ins.Opcode == Opcode.If ? Pop() : null;
        var frame = new Frame(ins.Opcode, _stack.Count - parameters.Length, parameters, results, _il.DefineLabel());
        _frames.Add(frame);
        switch (ins.Opcode)
        {
            case Opcode.Loop:
                frame.Start = _il.DefineLabel();
                _il.MarkLabel(frame.Start);
                _safeEnds.Clear();
                EmitEpochCheck();
                break;
            case Opcode.If:
                frame.Else = _il.DefineLabel();
                Load(condition!);
                _il.Emit(OpCodes.Brfalse, frame.Else);
                break;
        }
    }

    private (ValType[] Parameters, ValType[] Results) BlockSignature(BlockType blockType) => blockType.Kind switch
    {
        BlockTypeKind.Empty => ([], []),
        BlockTypeKind.Value => ([], [blockType.ValueType]),
        _ => ([.. _module.Types[blockType.TypeIndex].Parameters], [.. _module.Types[blockType.TypeIndex].Results]),
    };

    private void Else()
    {
        var frame = Top;
        if (!frame.Unreachable)
        {
            Flush();
            _il.Emit(OpCodes.Br, frame.End);
            frame.EndTargeted = true;
        }

        _il.MarkLabel(frame.Else);
        _safeEnds.Clear();
        frame.HasElse = true;
        frame.Unreachable = false;
        ResetStack(frame.Height, frame.Parameters);
    }

    private void End()
    {
        var frame = Top;
        if (!frame.Unreachable)
        {
            Flush();
        }

        var reachable = !frame.Unreachable || frame.EndTargeted;
        if (frame.Kind == Opcode.If && !frame.HasElse)
        {
            // The false path falls through with the parameters as results (validation guarantees they match).
            _il.MarkLabel(frame.Else);
            reachable = true;
        }

        _il.MarkLabel(frame.End);
        _safeEnds.Clear();
        ResetStack(frame.Height, frame.Results);
        _frames.RemoveAt(_frames.Count - 1);
        if (_frames.Count == 0)
        {
            EmitEpilogue();
            return;
        }

        if (!reachable)
        {
            Top.Unreachable = true;
        }
    }

    private void ResetStack(int height, ValType[] types)
    {
        _ilDepth = 0;
        _stack.RemoveRange(height, _stack.Count - height);
        _info.RemoveRange(height, _info.Count - height);
        foreach (var type in types)
        {
            _stack.Add(type);
            _info.Add(StackInfo.None);
        }
    }

    /// <summary>Moves the branch values to the target frame's slots and jumps.</summary>
    private void Branch(int depth)
    {
        Flush();
        if (IsExit(depth, out var exit))
        {
            EmitExit(exit);
            return;
        }

        var target = _frames[^(depth + 1)];
        EmitBranchMoves(target);
        _il.Emit(OpCodes.Br, BranchLabel(target));
    }

    private Label BranchLabel(Frame target)
    {
        if (target.Kind == Opcode.Loop)
        {
            return target.Start;
        }

        target.EndTargeted = true;
        return target.End;
    }

    private bool NeedsMoves(Frame target) =>
        target.Pointers is not null || (target.BranchTypes.Length > 0 && _stack.Count - target.BranchTypes.Length != target.Height);

    private void EmitBranchMoves(Frame target)
    {
        var types = target.BranchTypes;
        var from = _stack.Count - types.Length;
        if (from != target.Height)
        {
            for (var i = 0; i < types.Length; i++)
            {
                Load(Slot(from + i, _stack[from + i]));
                Store(Slot(target.Height + i, _stack[from + i]));
            }
        }

        if (target.Pointers is not null)
        {
            EmitPointerSteps(target);
        }
    }

    private void BranchIf(int depth)
    {
        var condition = Pop();
        Load(condition);
        if (IsExit(depth, out var exit))
        {
            var stay = _il.DefineLabel();
            _il.Emit(OpCodes.Brfalse, stay);
            EmitExit(exit);
            _il.MarkLabel(stay);
            return;
        }

        var target = _frames[^(depth + 1)];
        if (!NeedsMoves(target))
        {
            _il.Emit(OpCodes.Brtrue, BranchLabel(target));
            return;
        }

        var skip = _il.DefineLabel();
        _il.Emit(OpCodes.Brfalse, skip);
        EmitBranchMoves(target);
        _il.Emit(OpCodes.Br, BranchLabel(target));
        _il.MarkLabel(skip);
    }

    private void BranchTable(in Instruction ins, ref InstructionReader reader)
    {
        var index = Pop();
        var targets = new uint[ins.BrTableCount];
        reader.ReadBrTableTargets(in ins, targets);
        var labels = new Label[targets.Length];
        var trampolines = new Dictionary<uint, Label>();
        for (var i = 0; i < targets.Length; i++)
        {
            labels[i] = TableLabel(targets[i], trampolines);
        }

        Load(index);
        _il.Emit(OpCodes.Switch, labels);
        Branch((int)ins.Index);
        foreach (var (depth, label) in trampolines)
        {
            _il.MarkLabel(label);
            Branch((int)depth);
        }

        Top.Unreachable = true;
    }

    private Label TableLabel(uint depth, Dictionary<uint, Label> trampolines)
    {
        if (!IsExit((int)depth, out _) && _frames[^((int)depth + 1)] is var target && !NeedsMoves(target))
        {
            return BranchLabel(target);
        }

        if (!trampolines.TryGetValue(depth, out var label))
        {
            label = _il.DefineLabel();
            trampolines[depth] = label;
        }

        return label;
    }

    private void Select()
    {
        var condition = Pop();
        var second = Pop();
        var first = Peek();
        var keep = _il.DefineLabel();
        Load(condition);
        _il.Emit(OpCodes.Brtrue, keep);
        Load(second);
        Store(first);
        _il.MarkLabel(keep);
    }
}
