using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// Finds loops whose bounds checks can be done once before the loop instead of on every access. A candidate is a loop
/// without parameters whose body is straight-line code (no blocks, branches, calls or memory.grow) ending in
/// <c>br_if 0</c>, the do-while shape clang gives every inner loop. The body is evaluated symbolically: i32 values
/// become <see cref="Affine"/> forms over the locals' values at the iteration's start. Locals whose value at the end
/// is their start value plus a loop-invariant step are induction variables; the exit test, compared against a
/// loop-invariant bound, gives the trip count at run time; and every access whose address is an affine form of
/// invariants and induction variables then has a known range over the whole loop.
/// </summary>
internal static class LoopAnalyzer
{
    /// <summary>Bodies longer than this are not versioned: the fast copy doubles the loop's code.</summary>
    private const int MaxBodyInstructions = 400;

    private readonly record struct Symbol(Affine? Value, Opcode Compare, Affine? Left, Affine? Right)
    {
        public static Symbol Unknown => default;

        public static Symbol Of(Affine? value) => new(value, default, null, null);
    }

    /// <summary>Analyses the body after a <c>loop</c> instruction; <paramref name="reader"/> is a copy positioned after it.</summary>
    public static LoopPlan? Analyze(InstructionReader reader, ValType[] localTypes)
    {
        var current = new Dictionary<int, Symbol>();
        var assigned = new HashSet<int>();
        var stack = new List<Symbol>(16);
        var accesses = new List<(int Offset, Affine Address, long End, long Constant)>();
        Symbol? condition = null;
        var count = 0;
        while (reader.Read(out var ins))
        {
            if (++count > MaxBodyInstructions)
            {
                return null;
            }

            if (condition is not null)
            {
                // br_if 0 must be the last instruction of the body.
                return ins.Opcode == Opcode.End ? Plan(condition.Value, current, assigned, accesses, localTypes) : null;
            }

            Symbol Get(int local) => current.TryGetValue(local, out var s) ? s : Symbol.Of(localTypes[local] == ValType.I32 ? Affine.Of(local) : null);
            Symbol Pop()
            {
                var top = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                return top;
            }

            switch (ins.Opcode)
            {
                case Opcode.Nop:
                    break;
                case Opcode.BrIf when ins.Index == 0:
                    if (stack.Count == 0)
                    {
                        return null;
                    }

                    condition = Pop();
                    break;
                case Opcode.LocalGet:
                    stack.Add(Get((int)ins.Index));
                    break;
                case Opcode.LocalSet:
                case Opcode.LocalTee:
                    var value = stack[^1];
                    if (ins.Opcode == Opcode.LocalSet)
                    {
                        stack.RemoveAt(stack.Count - 1);
                    }

                    current[(int)ins.Index] = value;
                    assigned.Add((int)ins.Index);
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
                    stack.Add(Symbol.Unknown);
                    break;
                case Opcode.GlobalSet:
                    Pop();
                    break;
                case Opcode.F32Const:
                case Opcode.F64Const:
                case Opcode.I64Const:
                    stack.Add(Symbol.Unknown);
                    break;
                default:
                    if (!OpcodeInfo.TryGetSimpleSignature(ins.Opcode, out var pops, out var pushes) || stack.Count < pops.Length)
                    {
                        // Control flow, calls, memory.grow, table and bulk operations: not a candidate.
                        return null;
                    }

                    if (OpcodeInfo.IsMemoryAccess(ins.Opcode))
                    {
                        var address = stack[^pops.Length].Value;
                        if (address is not null)
                        {
                            // The memarg offset is added to the wrapped i32 operand without wrapping: only the operand's
                            // own constant may take part in the lower bound, which proves the operand did not wrap.
                            var end = address.Constant + ins.MemOffset + OpcodeInfo.AccessSize(ins.Opcode);
                            accesses.Add((ins.Offset, address.WithoutConstant(), end, address.Constant));
                        }
                    }

                    stack.RemoveRange(stack.Count - pops.Length, pops.Length);
                    foreach (var _ in pushes)
                    {
                        stack.Add(Symbol.Unknown);
                    }

                    break;
            }
        }

        return null;
    }

    private static LoopPlan? Plan(Symbol condition, Dictionary<int, Symbol> current, HashSet<int> assigned, List<(int Offset, Affine Address, long End, long Constant)> accesses, ValType[] localTypes)
    {
        if (accesses.Count == 0)
        {
            return null;
        }

        // Classify the locals the body assigns: unchanged, induction (start + invariant step), or clobbered.
        var inductions = new Dictionary<int, Affine>();
        var clobbered = new HashSet<int>();
        foreach (var local in assigned)
        {
            var end = current[local].Value;
            if (end is not null && localTypes[local] == ValType.I32 && end.CoefficientOf(local) == 1)
            {
                var step = end.Add(Affine.Of(local), -1);
                if (step is not null && (step.Terms.Length > 0 || step.Constant != 0))
                {
                    inductions[local] = step;
                    continue;
                }

                if (step is not null)
                {
                    continue; // unchanged
                }
            }

            clobbered.Add(local);
        }

        // Steps must be loop-invariant.
        foreach (var (local, step) in inductions.ToList())
        {
            if (step.Terms.Any(t => assigned.Contains(t.Key) && (inductions.ContainsKey(t.Key) || clobbered.Contains(t.Key))))
            {
                inductions.Remove(local);
                clobbered.Add(local);
            }
        }

        if (Exit(condition, inductions, assigned) is not { } exit)
        {
            return null;
        }

        var groups = new Dictionary<string, AccessGroup>();
        var proven = new HashSet<int>();
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
                groups[key] = new AccessGroup(address, constant, end);
            }

            proven.Add(offset);
        }

        return proven.Count == 0 ? null : new LoopPlan(proven, [.. groups.Values], inductions, exit);
    }

    /// <summary>Normalizes the branch condition to <c>v(iv) + offset  op  bound</c> with a loop-invariant bound.</summary>
    private static LoopExit? Exit(Symbol condition, Dictionary<int, Affine> inductions, HashSet<int> assigned)
    {
        Opcode compare;
        Affine? left;
        Affine? right;
        if (condition.Value is { } value)
        {
            (compare, left, right) = (Opcode.I32Ne, value, Affine.Const(0));
        }
        else if (condition.Compare != default)
        {
            (compare, left, right) = (condition.Compare, condition.Left, condition.Right);
        }
        else
        {
            return null;
        }

        if (left is null || right is null)
        {
            return null;
        }

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
