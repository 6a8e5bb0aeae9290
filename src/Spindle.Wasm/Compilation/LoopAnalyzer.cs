using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// Finds loops whose bounds checks can be done once before the loop instead of on every access. The body (a loop
/// without parameters and without calls; nested blocks, ifs and branches allowed, nested loops only when
/// self-contained) is
/// evaluated symbolically: i32 values become <see cref="Affine"/> forms over the locals' values at the iteration's
/// start, and each control-flow edge carries the locals' forms and the branch conditions known to hold on it. Where
/// edges join, only what all of them agree on survives. On every back edge (branch to the loop), a local whose form is
/// its start value plus a loop-invariant step is an induction variable; a condition that holds on every back edge,
/// comparing an induction variable against a loop-invariant bound, bounds the number of iterations; and every access
/// whose address is an affine form of invariants and induction variables then has a known range over the whole loop.
/// </summary>
internal static class LoopAnalyzer
{
    /// <summary>Bodies longer than this are not versioned: the fast copy doubles the loop's code.</summary>
    private const int MaxBodyInstructions = 600;

    /// <summary>
    /// Loops using more locals than this are not versioned: near the register file's size, two copies of the body made
    /// RyuJIT spill inside the hot loop and cost more than the checks saved (sha256's round loop, 12 locals: 2x slower).
    /// </summary>
    private const int MaxLocals = 10;

    private readonly record struct Symbol(Affine? Value, Opcode Compare, Affine? Left, Affine? Right)
    {
        public static Symbol Unknown => default;

        public static Symbol Of(Affine? value) => new(value, default, null, null);
    }

    /// <summary>A comparison known to be true: <c>Left Compare Right</c> (i32).</summary>
    private readonly record struct Fact(Opcode Compare, Affine Left, Affine Right)
    {
        public bool SameAs(Fact other) => Compare == other.Compare && Left.SameAs(other.Left) && Right.SameAs(other.Right);
    }

    /// <summary>What is known on a control-flow edge: local forms (absent = the local's start value) and true conditions.</summary>
    private sealed class State(Dictionary<int, Symbol> locals, List<Fact> facts)
    {
        public Dictionary<int, Symbol> Locals { get; } = locals;

        public List<Fact> Facts { get; } = facts;

        public State Copy() => new(new Dictionary<int, Symbol>(Locals), [.. Facts]);

        public State With(Fact? fact)
        {
            var copy = Copy();
            if (fact is { } f)
            {
                copy.Facts.Add(f);
            }

            return copy;
        }

        /// <summary>Joins two edges: forms both agree on, conditions both know.</summary>
        public static State? Join(State? a, State? b)
        {
            if (a is null || b is null)
            {
                return a ?? b?.Copy();
            }

            var locals = new Dictionary<int, Symbol>();
            foreach (var key in a.Locals.Keys.Union(b.Locals.Keys))
            {
                var x = a.Locals.TryGetValue(key, out var sa) ? sa.Value : Affine.Of(key);
                var y = b.Locals.TryGetValue(key, out var sb) ? sb.Value : Affine.Of(key);
                locals[key] = x is not null && y is not null && x.SameAs(y) ? Symbol.Of(x) : Symbol.Unknown;
            }

            return new State(locals, [.. a.Facts.Where(f => b.Facts.Any(f.SameAs))]);
        }
    }

    /// <summary>An enclosing block or if inside the loop: where its end's incoming edges are joined.</summary>
    private sealed class Frame(Opcode kind, int height, int parameters, int results, State? elseState)
    {
        public Opcode Kind { get; } = kind;

        public int Parameters { get; } = parameters;

        /// <summary>Operand stack height below the block's parameters.</summary>
        public int Height { get; } = height;

        public int Results { get; } = results;

        /// <summary>For an if: the state entering its else branch (the condition false).</summary>
        public State? ElseState { get; set; } = elseState;

        public bool HasElse { get; set; }

        public State? End { get; set; }
    }

    /// <summary>Analyses the body after a <c>loop</c> instruction; <paramref name="reader"/> is a copy positioned after it.</summary>
    public static LoopPlan? Analyze(InstructionReader reader, ValType[] localTypes, ModuleDefinition module)
    {
        State? state = new([], []);
        State? backEdges = null;
        var frames = new List<Frame>();
        var assigned = new HashSet<int>();
        var used = new HashSet<int>();
        var stack = new List<Symbol>(16);
        var accesses = new List<(int Offset, Affine Address, long End, long Constant)>();
        var count = 0;
        var nesting = 0;
        var growsMemory = false;

        // A branch to relative depth d: a back edge (the loop), a forward edge (a block inside), or an exit.
        void Branch(uint depth, State from)
        {
            if (depth < frames.Count)
            {
                var target = frames[^((int)depth + 1)];
                target.End = State.Join(target.End, from);
            }
            else if (depth == frames.Count)
            {
                backEdges = State.Join(backEdges, from);
            }
        }

        Symbol Get(State s, int local) =>
            s.Locals.TryGetValue(local, out var symbol) ? symbol : Symbol.Of(localTypes[local] == ValType.I32 ? Affine.Of(local) : null);

        Symbol Pop() => PopFrom(stack);

        while (reader.Read(out var ins))
        {
            if (++count > MaxBodyInstructions)
            {
                return null;
            }

            if (state is null)
            {
                // Unreachable code: only the structure matters until the enclosing frame's else or end.
                switch (ins.Opcode)
                {
                    case Opcode.Block or Opcode.Loop or Opcode.If:
                        if (!SkipNested(ref reader, ref count))
                        {
                            return null;
                        }

                        continue;
                    case Opcode.Else or Opcode.End:
                        break;
                    default:
                        continue;
                }
            }

            switch (ins.Opcode)
            {
                case Opcode.Nop:
                    break;
                case Opcode.Block:
                case Opcode.If:
                {
                    var (parameters, results) = Signature(module, ins.BlockType);
                    Fact? condition = null;
                    State? elseState = null;
                    if (ins.Opcode == Opcode.If)
                    {
                        var c = Pop();
                        elseState = state!.With(Negate(c));
                        condition = Holds(c);
                    }

                    frames.Add(new Frame(ins.Opcode, Math.Max(0, stack.Count - parameters), parameters, results, elseState));
                    state = state!.With(condition);
                    break;
                }

                case Opcode.Loop:
                {
                    // A nested loop: opaque. It must keep its branches to itself; afterwards its locals are unknown.
                    var (parameters, results) = Signature(module, ins.BlockType);
                    if (NestedLoopAssignments(ref reader, ref count, out var innerDepth, ref growsMemory) is not { } inner)
                    {
                        return null;
                    }

                    nesting = Math.Max(nesting, innerDepth + 1);

                    foreach (var local in inner)
                    {
                        state!.Locals[local] = Symbol.Unknown;
                        assigned.Add(local);
                    }

                    Truncate(stack, stack.Count - parameters);
                    PushUnknown(stack, results);
                    break;
                }

                case Opcode.Else:
                {
                    var frame = frames[^1];
                    frame.End = State.Join(frame.End, state);
                    frame.HasElse = true;
                    state = frame.ElseState;
                    frame.ElseState = null;
                    Truncate(stack, frame.Height);
                    PushUnknown(stack, frame.Parameters);
                    break;
                }

                case Opcode.End:
                {
                    if (frames.Count == 0)
                    {
                        return used.Count > MaxLocals ? null : Plan(backEdges, assigned, accesses, localTypes, nesting, growsMemory);
                    }

                    var frame = frames[^1];
                    frames.RemoveAt(frames.Count - 1);

                    // An if without else: the false edge falls through to the end.
                    state = State.Join(State.Join(frame.End, state), frame.Kind == Opcode.If && !frame.HasElse ? frame.ElseState : null);
                    Truncate(stack, frame.Height);
                    PushUnknown(stack, frame.Results);
                    break;
                }

                case Opcode.Br:
                    Branch(ins.Index, state!);
                    state = null;
                    break;
                case Opcode.BrIf:
                {
                    var c = Pop();
                    Branch(ins.Index, state!.With(Holds(c)));
                    state = state.With(Negate(c));
                    break;
                }

                case Opcode.BrTable:
                {
                    Pop();
                    var targets = new uint[ins.BrTableCount];
                    InstructionReader.ReadBrTableTargets(module.Bytes, in ins, targets);
                    foreach (var target in targets)
                    {
                        Branch(target, state!);
                    }

                    Branch(ins.Index, state!);
                    state = null;
                    break;
                }

                case Opcode.Return:
                case Opcode.Unreachable:
                    state = null;
                    break;
                case Opcode.Call:
                case Opcode.CallIndirect:
                    // A host function may dispose the store, which empties its memories: the proof made at loop entry
                    // would no longer hold after the call.
                    return null;
                case Opcode.LocalGet:
                    stack.Add(Get(state!, (int)ins.Index));
                    used.Add((int)ins.Index);
                    break;
                case Opcode.LocalSet:
                case Opcode.LocalTee:
                    state!.Locals[(int)ins.Index] = ins.Opcode == Opcode.LocalSet ? Pop() : stack[^1];
                    assigned.Add((int)ins.Index);
                    used.Add((int)ins.Index);
                    break;
                case Opcode.I32Const:
                    stack.Add(Symbol.Of(Affine.Const(ins.I32)));
                    break;
                case Opcode.I32Add:
                case Opcode.I32Sub:
                {
                    var right = Pop().Value;
                    var left = Pop().Value;
                    stack.Add(Symbol.Of(left is null || right is null ? null : left.Add(right, ins.Opcode == Opcode.I32Add ? 1 : -1)));
                    break;
                }

                case Opcode.I32Mul:
                {
                    var right = Pop().Value;
                    var left = Pop().Value;
                    stack.Add(Symbol.Of(
                        right is { IsConstant: true } ? left?.Scale(right.Constant)
                        : left is { IsConstant: true } ? right?.Scale(left.Constant)
                        : null));
                    break;
                }

                case Opcode.I32Shl:
                {
                    var right = Pop().Value;
                    var left = Pop().Value;
                    stack.Add(Symbol.Of(right is { IsConstant: true } && (right.Constant & 31) <= 16 ? left?.Scale(1L << (int)(right.Constant & 31)) : null));
                    break;
                }

                case Opcode.I32Eqz:
                    stack.Add(new Symbol(null, Opcode.I32Eq, Pop().Value, Affine.Const(0)));
                    break;
                case >= Opcode.I32Eq and <= Opcode.I32GeU:
                {
                    var right = Pop().Value;
                    var left = Pop().Value;
                    stack.Add(new Symbol(null, ins.Opcode, left, right));
                    break;
                }

                case Opcode.Drop:
                    Pop();
                    break;
                case Opcode.Select:
                case Opcode.SelectTyped:
                    Pop();
                    Pop();
                    Pop();
                    stack.Add(Symbol.Unknown);
                    break;
                case Opcode.GlobalGet:
                case Opcode.MemorySize:
                case Opcode.F32Const:
                case Opcode.F64Const:
                case Opcode.I64Const:
                    stack.Add(Symbol.Unknown);
                    break;
                case Opcode.GlobalSet:
                    Pop();
                    break;
                case Opcode.MemoryGrow:
                    // Memories only grow: a proof against the length at loop entry stays true.
                    growsMemory = true;
                    Pop();
                    stack.Add(Symbol.Unknown);
                    break;
                default:
                    if (!OpcodeInfo.TryGetSimpleSignature(ins.Opcode, out var pops, out var pushes))
                    {
                        // Table, reference and bulk memory operations: not analysed.
                        return null;
                    }

                    if (OpcodeInfo.IsMemoryAccess(ins.Opcode) && stack.Count >= pops.Length && stack[^pops.Length].Value is { } address)
                    {
                        // The memarg offset is added to the wrapped i32 operand without wrapping: only the operand's
                        // own constant may take part in the lower bound, which proves the operand did not wrap.
                        var end = address.Constant + ins.MemOffset + OpcodeInfo.AccessSize(ins.Opcode);
                        accesses.Add((ins.Offset, address.WithoutConstant(), end, address.Constant));
                    }

                    Truncate(stack, stack.Count - pops.Length);
                    PushUnknown(stack, pushes.Length);
                    break;
            }
        }

        return null;
    }

    private static Symbol PopFrom(List<Symbol> stack)
    {
        if (stack.Count == 0)
        {
            // A value from before the loop: not tracked.
            return Symbol.Unknown;
        }

        var top = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return top;
    }

    /// <summary>Drops values above <paramref name="height"/> (values from before the loop are not tracked, so never below 0).</summary>
    private static void Truncate(List<Symbol> stack, int height)
    {
        height = Math.Max(0, height);
        if (stack.Count > height)
        {
            stack.RemoveRange(height, stack.Count - height);
        }
    }

    private static void PushUnknown(List<Symbol> stack, int count)
    {
        for (var i = 0; i < count; i++)
        {
            stack.Add(Symbol.Unknown);
        }
    }

    private static (int Parameters, int Results) Signature(ModuleDefinition module, BlockType type) => type.Kind switch
    {
        BlockTypeKind.Empty => (0, 0),
        BlockTypeKind.Value => (0, 1),
        _ => (module.Types[type.TypeIndex].Parameters.Count, module.Types[type.TypeIndex].Results.Count),
    };

    /// <summary>The condition "c is non-zero" as a fact, if it is a comparison or an affine value.</summary>
    private static Fact? Holds(Symbol c) => c switch
    {
        { Compare: not default(Opcode), Left: { } l, Right: { } r } => new Fact(c.Compare, l, r),
        { Value: { } v } when Affine.Const(0) is { } zero => new Fact(Opcode.I32Ne, v, zero),
        _ => null,
    };

    /// <summary>The condition "c is zero" as a fact.</summary>
    private static Fact? Negate(Symbol c)
    {
        if (c is { Value: { } v } && Affine.Const(0) is { } zero)
        {
            return new Fact(Opcode.I32Eq, v, zero);
        }

        if (c is not { Compare: not default(Opcode), Left: { } l, Right: { } r })
        {
            return null;
        }

        Opcode? negated = c.Compare switch
        {
            Opcode.I32Eq => Opcode.I32Ne,
            Opcode.I32Ne => Opcode.I32Eq,
            Opcode.I32LtS => Opcode.I32GeS,
            Opcode.I32LtU => Opcode.I32GeU,
            Opcode.I32GtS => Opcode.I32LeS,
            Opcode.I32GtU => Opcode.I32LeU,
            Opcode.I32LeS => Opcode.I32GtS,
            Opcode.I32LeU => Opcode.I32GtU,
            Opcode.I32GeS => Opcode.I32LtS,
            Opcode.I32GeU => Opcode.I32LtU,
            _ => null,
        };
        return negated is { } op ? new Fact(op, l, r) : null;
    }

    /// <summary>Skips a nested construct in unreachable code (after its opening instruction). False if the body is too long.</summary>
    private static bool SkipNested(ref InstructionReader reader, ref int count)
    {
        var depth = 1;
        while (depth > 0 && reader.Read(out var ins))
        {
            if (++count > MaxBodyInstructions)
            {
                return false;
            }

            depth += ins.Opcode switch
            {
                Opcode.Block or Opcode.Loop or Opcode.If => 1,
                Opcode.End => -1,
                _ => 0,
            };
        }

        return depth == 0;
    }

    /// <summary>
    /// The locals a nested loop assigns (reader after its <c>loop</c>, left after its <c>end</c>), or null when one of its
    /// branches leaves it: then the outer loop is not analysed. <paramref name="nesting"/>: how deep loops nest inside it.
    /// </summary>
    private static HashSet<int>? NestedLoopAssignments(ref InstructionReader reader, ref int count, out int nesting, ref bool growsMemory)
    {
        var assigned = new HashSet<int>();
        var depth = 1;
        var loops = new List<bool> { true };
        nesting = 0;
        Span<uint> targets = stackalloc uint[64];
        while (depth > 0 && reader.Read(out var ins))
        {
            if (++count > MaxBodyInstructions)
            {
                return null;
            }

            switch (ins.Opcode)
            {
                case Opcode.Block or Opcode.Loop or Opcode.If:
                    depth++;
                    loops.Add(ins.Opcode == Opcode.Loop);
                    nesting = Math.Max(nesting, loops.Count(l => l) - 1);
                    break;
                case Opcode.End:
                    depth--;
                    loops.RemoveAt(loops.Count - 1);
                    break;
                case Opcode.LocalSet or Opcode.LocalTee:
                    assigned.Add((int)ins.Index);
                    break;
                case Opcode.MemoryGrow:
                    growsMemory = true;
                    break;
                case Opcode.Call or Opcode.CallIndirect:
                    return null;
                case Opcode.Br or Opcode.BrIf when ins.Index >= depth:
                    return null;
                case Opcode.BrTable:
                    if (ins.BrTableCount > targets.Length || ins.Index >= depth)
                    {
                        return null;
                    }

                    reader.ReadBrTableTargets(in ins, targets[..ins.BrTableCount]);
                    foreach (var target in targets[..ins.BrTableCount])
                    {
                        if (target >= depth)
                        {
                            return null;
                        }
                    }

                    break;
                case Opcode.Return:
                    // Leaves the function: fine for the outer loop (an exit), and assigns nothing.
                    break;
            }
        }

        return depth == 0 ? assigned : null;
    }

    private static LoopPlan? Plan(State? backEdges, HashSet<int> assigned, List<(int Offset, Affine Address, long End, long Constant)> accesses, ValType[] localTypes, int nesting, bool growsMemory)
    {
        if (accesses.Count == 0 || backEdges is null)
        {
            return null;
        }

        // Classify the locals the body assigns by their form on the back edges: unchanged, induction (start +
        // invariant step), or clobbered.
        var inductions = new Dictionary<int, Affine>();
        var clobbered = new HashSet<int>();
        foreach (var local in assigned)
        {
            var end = backEdges.Locals.TryGetValue(local, out var symbol) ? symbol.Value : Affine.Of(local);
            if (end is not null && localTypes[local] == ValType.I32 && end.CoefficientOf(local) == 1 && end.Add(Affine.Of(local), -1) is { } step)
            {
                if (step.Terms.Length > 0 || step.Constant != 0)
                {
                    inductions[local] = step;
                }

                continue;
            }

            clobbered.Add(local);
        }

        // Steps must be loop-invariant.
        foreach (var (local, step) in inductions.ToList())
        {
            if (step.Terms.Any(t => inductions.ContainsKey(t.Key) || clobbered.Contains(t.Key)))
            {
                inductions.Remove(local);
                clobbered.Add(local);
            }
        }

        LoopExit? exit = null;
        foreach (var fact in backEdges.Facts)
        {
            if ((exit = Exit(fact, inductions, assigned)) is not null)
            {
                break;
            }
        }

        if (exit is null)
        {
            return null;
        }

        var groups = new Dictionary<string, AccessGroup>();
        var proven = new HashSet<int>();
        var accessGroups = new Dictionary<int, (AccessGroup, long)>();
        foreach (var (offset, address, end, constant) in accesses)
        {
            if (address.Terms.Any(t => clobbered.Contains(t.Key)))
            {
                continue;
            }

            var key = address.TermsKey();
            if (groups.TryGetValue(key, out var group))
            {
                group.MinConstant = Math.Min(group.MinConstant, constant);
                group.MaxEnd = Math.Max(group.MaxEnd, end);
            }
            else
            {
                groups[key] = group = new AccessGroup(address, constant, end);
            }

            proven.Add(offset);
            accessGroups[offset] = (group, constant);
        }

        return proven.Count == 0 ? null : new LoopPlan(proven, [.. groups.Values], inductions, exit, nesting, accessGroups, growsMemory);
    }

    /// <summary>Normalizes a condition that holds on every back edge to <c>v(iv) + offset  op  bound</c> with a loop-invariant bound.</summary>
    private static LoopExit? Exit(Fact fact, Dictionary<int, Affine> inductions, HashSet<int> assigned)
    {
        var (compare, left, right) = (fact.Compare, fact.Left, fact.Right);

        bool Invariant(Affine form) => form.Terms.All(t => !assigned.Contains(t.Key));

        // The form is v(iv) + an invariant rest: returns iv and the rest.
        (int, Affine)? Induction(Affine form)
        {
            foreach (var (local, coefficient) in form.Terms)
            {
                if (coefficient == 1 && inductions.ContainsKey(local) && form.Add(Affine.Of(local), -1) is { } rest && Invariant(rest))
                {
                    return (local, rest);
                }
            }

            return null;
        }

        if (Induction(left) is null && Induction(right) is not null)
        {
            (left, right) = (right, left);
            compare = compare switch
            {
                Opcode.I32LtS => Opcode.I32GtS,
                Opcode.I32LtU => Opcode.I32GtU,
                Opcode.I32GtS => Opcode.I32LtS,
                Opcode.I32GtU => Opcode.I32LtU,
                Opcode.I32LeS => Opcode.I32GeS,
                Opcode.I32LeU => Opcode.I32GeU,
                Opcode.I32GeS => Opcode.I32LeS,
                Opcode.I32GeU => Opcode.I32LeU,
                _ => compare,
            };
        }

        if (Induction(left) is not { } found || !Invariant(right) || compare == Opcode.I32Eq)
        {
            return null;
        }

        return new LoopExit(found.Item1, found.Item2, compare, right);
    }
}
