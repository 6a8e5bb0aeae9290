using System.Reflection.Emit;
using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

// The operand stack: types, slot locals, and how many top values are still on the IL evaluation stack.
internal sealed partial class FunctionCompiler
{
    /// <summary>The instance context: the argument after the Wasm parameters.</summary>
    private void LoadContext() => _il.Emit(OpCodes.Ldarg, _paramCount);

    /// <summary>This frame's remaining call-depth budget: the argument after the context, passed on to callees.</summary>
    private void LoadDepth() => _il.Emit(OpCodes.Ldarg, _paramCount + 1);

    /// <summary>Spills the values held on the IL evaluation stack into their slot locals (top first).</summary>
    private void Flush()
    {
        for (var i = _stack.Count - 1; _ilDepth > 0; i--, _ilDepth--)
        {
            Store(Slot(i, _stack[i]));
        }
    }

    /// <summary>Records a result the caller just left on the IL evaluation stack.</summary>
    private void PushResult(ValType type, ulong? constant = null)
    {
        _stack.Add(type);
        _info.Add(new StackInfo(constant, -1));
        if (++_ilDepth > MaxIlDepth)
        {
            // Keep the IL evaluation stack shallow: the JIT handles deep IL stacks poorly.
            Flush();
        }
    }

    private const int MaxIlDepth = 16;

    /// <summary>Pushes a value the caller will store into the returned slot (only with nothing on the IL stack).</summary>
    private LocalBuilder Push(ValType type)
    {
        Flush();
        _stack.Add(type);
        _info.Add(StackInfo.None);
        return Slot(_stack.Count - 1, type);
    }

    /// <summary>Pops the top value into its slot local and returns the slot.</summary>
    private LocalBuilder Pop()
    {
        Flush();
        var type = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _info.RemoveAt(_info.Count - 1);
        return Slot(_stack.Count, type);
    }

    private LocalBuilder Peek()
    {
        Flush();
        return Slot(_stack.Count - 1, _stack[^1]);
    }

    private void Load(LocalBuilder local) => _il.Emit(OpCodes.Ldloc, local);

    private void Store(LocalBuilder local) => _il.Emit(OpCodes.Stloc, local);

    /// <summary>Pops the top <paramref name="count"/> operands onto the IL stack, deepest first.</summary>
    private void LoadOperands(int count)
    {
        if (count > _ilDepth)
        {
            Flush();
            for (var i = count; i > 0; i--)
            {
                Load(Slot(_stack.Count - i, _stack[^i]));
            }
        }
        else
        {
            _ilDepth -= count;
        }

        _stack.RemoveRange(_stack.Count - count, count);
        _info.RemoveRange(_info.Count - count, count);
    }

    /// <summary>A control frame. Branches to a loop go to its start with its parameters; others to its end with its results.</summary>
    private sealed class Frame(Opcode kind, int height, ValType[] parameters, ValType[] results, Label end)
    {
        public Opcode Kind { get; } = kind;

        /// <summary>Stack height below the block's parameters.</summary>
        public int Height { get; } = height;

        public ValType[] Parameters { get; } = parameters;

        public ValType[] Results { get; } = results;

        public Label End { get; } = end;

        public Label Start { get; set; }

        public Label Else { get; set; }

        public bool HasElse { get; set; }

        public bool Unreachable { get; set; }

        public bool EndTargeted { get; set; }

        /// <summary>A versioned loop's fast copy: the pointers every back edge advances (FunctionCompiler.LoopPointers.cs).</summary>
        public List<LoopPointer>? Pointers { get; set; }

        public ValType[] BranchTypes => Kind == Opcode.Loop ? Parameters : Results;
    }

    /// <summary>What the compiler knows about a stack value: the bits of a constant, or the local it was read from.</summary>
    private readonly record struct StackInfo(ulong? Constant, int Local)
    {
        public static StackInfo None => new(null, -1);
    }
}
