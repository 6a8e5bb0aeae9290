using System.Reflection.Emit;
using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

// Loop versioning: a simple loop (LoopAnalyzer) is compiled twice. Before it, one test per group of accesses proves
// that every address the loop will use is in bounds; then the copy without those accesses' checks runs. Otherwise the
// ordinary copy runs, so traps happen exactly where the spec puts them. Memories never shrink and the body makes no
// calls, so the proof holds for the whole loop.
internal sealed partial class FunctionCompiler
{
    private const long MaxVersionedTrips = (1L << 31) + 1;
    private const long MaxInductionValue = 1L << 40;

    /// <summary>How many versioned loops' copies enclose the code being compiled.</summary>
    private int _versionDepth;

    /// <summary>Offsets of the accesses the loop being compiled may leave unchecked (the fast copy), else null.</summary>
    private HashSet<int>? _provenAccesses;

    /// <summary>Whether the access being compiled is proven in bounds (set per instruction by EmitMemory).</summary>
    private bool _accessProven;

    private bool TryVersionLoop(in Instruction loop, ref InstructionReader reader)
    {
        if (!_cx.Options.LoopVersioning || _memBase is null || BlockSignature(loop.BlockType).Parameters.Length > 0
            || LoopAnalyzer.Analyze(reader, _localTypes, _module) is not { } plan)
        {
            return false;
        }

        // Innermost loops always; a loop around innermost loops only outside other versioned copies. Each versioned
        // level doubles the code inside it, and the innermost loops are where the accesses run most often.
        if (plan.Nesting > 1 || (plan.Nesting == 1 && _versionDepth > 0))
        {
            return false;
        }

        Flush();
        var stack = _stack.ToArray();
        var info = _info.ToArray();
        var slow = _il.DefineLabel();
        var done = _il.DefineLabel();
        var steps = EmitLoopPrecheck(plan, slow);

        if (_cx.Options.CountFastLoops)
        {
            _il.Emit(OpCodes.Call, Helper(typeof(Runtime.LoopCounters), nameof(Runtime.LoopCounters.EnterFast)));
        }

        // Inside an outer loop's fast copy, the outer proof still covers the accesses it proved.
        var outer = _provenAccesses;
        _provenAccesses = outer is null ? plan.ProvenAccesses : [.. outer, .. plan.ProvenAccesses];

        // A memory.grow may move the buffer the pointers point into; outlined regions cannot see them.
        var outerPointers = _accessPointers;
        List<LoopPointer>? pointers = null;
        if (!plan.GrowsMemory && _regions is null)
        {
            _accessPointers = outerPointers is null ? [] : new(outerPointers);
            pointers = EmitLoopPointers(plan, steps, _accessPointers);

            // Without a moving pointer, back edges need no moves (keeps br_if to the loop a single branch).
            if (!pointers.Any(p => p.Delta is not null))
            {
                pointers = null;
            }
        }

        var fast = reader;
        _versionDepth++;
        CompileLoopCopy(in loop, ref fast, pointers);
        _provenAccesses = outer;
        _accessPointers = outerPointers;
        _il.Emit(OpCodes.Br, done);

        _stack.Clear();
        _stack.AddRange(stack);
        _info.Clear();
        _info.AddRange(info);
        _ilDepth = 0;
        _il.MarkLabel(slow);
        CompileLoopCopy(in loop, ref reader);
        _versionDepth--;
        _il.MarkLabel(done);
        return true;
    }

    private void CompileLoopCopy(in Instruction loop, ref InstructionReader reader, List<LoopPointer>? pointers = null)
    {
        var depth = _frames.Count;
        EnterBlock(in loop);
        Top.Pointers = pointers;
        while (_frames.Count > depth && reader.Read(out var ins))
        {
            if (Top.Unreachable)
            {
                Skip(in ins);
                continue;
            }

            Emit(in ins, ref reader);
        }
    }

    /// <summary>
    /// Computes every induction variable's range over the loop and every group's address range at loop entry; branches
    /// to <paramref name="slow"/> unless all accesses are proven in bounds. Returns the induction steps (i64 locals).
    /// </summary>
    private Dictionary<int, LocalBuilder> EmitLoopPrecheck(LoopPlan plan, Label slow)
    {
        var exit = plan.Exit;
        var signed = exit.Compare is Opcode.I32LtS or Opcode.I32LeS or Opcode.I32GtS or Opcode.I32GeS;
        var steps = new Dictionary<int, LocalBuilder>();
        foreach (var (local, step) in plan.Inductions)
        {
            var temp = DeclareLocal(typeof(long));
            EmitWrapped(step);
            _il.Emit(OpCodes.Conv_I8);
            Store(temp);
            steps[local] = temp;
        }

        var s = steps[exit.Induction];
        var x0 = DeclareLocal(typeof(long));
        EmitWrapped(exit.Offset, exit.Induction);
        _il.Emit(signed ? OpCodes.Conv_I8 : OpCodes.Conv_U8);
        Store(x0);
        var k = DeclareLocal(typeof(long));
        EmitWrapped(exit.Bound);
        _il.Emit(signed ? OpCodes.Conv_I8 : OpCodes.Conv_U8);
        Store(k);
        EmitExitValidity(exit.Compare, signed, s, k, slow);

        // The trip count costs a division; an ordered exit bounds its own induction variable without one, which is
        // all a loop addressing memory only through that variable needs (the sieve's inner loop, entered per prime).
        var ordered = exit.Compare != Opcode.I32Ne;
        var addressing = new HashSet<int>(plan.Groups.SelectMany(g => g.Terms.Terms).Select(t => t.Key).Where(steps.ContainsKey));
        LocalBuilder? trips = null;
        if (!ordered || addressing.Any(local => local != exit.Induction))
        {
            trips = DeclareLocal(typeof(long));
            // A constant step (the usual case) divides by a constant, which the JIT turns into a multiply or a shift.
            var step = plan.Inductions[exit.Induction];
            EmitTripCount(exit.Compare, s, step.IsConstant ? unchecked((int)step.Constant) : null, x0, k, trips, slow);
            Load(trips);
            _il.Emit(OpCodes.Ldc_I8, MaxVersionedTrips);
            _il.Emit(OpCodes.Bgt, slow);
        }

        // Each induction variable's smallest and largest value at an iteration's start.
        var min = new Dictionary<int, LocalBuilder>();
        var max = new Dictionary<int, LocalBuilder>();
        foreach (var (local, step) in steps)
        {
            if (!addressing.Contains(local))
            {
                continue;
            }

            var lo = DeclareLocal(typeof(long));
            var hi = DeclareLocal(typeof(long));
            LoadLocal(local);
            _il.Emit(OpCodes.Conv_I8);
            _il.Emit(OpCodes.Dup);
            Store(lo);
            Store(hi);
            if (ordered && local == exit.Induction)
            {
                // |first| < 2^31, 0 ≤ k - x0 ≤ 2^32 and |s| < 2^31: the range is within ±2^34 without a check.
                EmitOrderedRange(exit.Compare, step, x0, k, lo, hi);
            }
            else
            {
                EmitSteppedRange(step, trips!, lo, hi);
                EmitRangeCheck(lo, -MaxInductionValue, MaxInductionValue, slow);
                EmitRangeCheck(hi, -MaxInductionValue, MaxInductionValue, slow);
            }
            min[local] = lo;
            max[local] = hi;
        }

        var bound = DeclareLocal(typeof(long));
        foreach (var group in plan.Groups)
        {
            // Interval arithmetic over the terms: the operand is at least this, and every access ends below that.
            EmitBound(group.Terms, min, max, lower: true);
            _il.Emit(OpCodes.Ldc_I8, group.MinConstant);
            _il.Emit(OpCodes.Add);
            _il.Emit(OpCodes.Ldc_I8, 0L);
            _il.Emit(OpCodes.Blt, slow);
            EmitBound(group.Terms, min, max, lower: false);
            _il.Emit(OpCodes.Ldc_I8, group.MaxEnd);
            _il.Emit(OpCodes.Add);
            Store(bound);
            Load(bound);
            Load(_memLen!);
            _il.Emit(OpCodes.Bgt, slow);
        }

        return steps;
    }

    /// <summary>
    /// Refuses exit shapes whose tested value could wrap before the exit, and turns <c>le</c>/<c>ge</c> into
    /// <c>lt</c>/<c>gt</c> against <c>k ± 1</c>. The exit test sees <c>x0 + s·t</c> after iteration t.
    /// </summary>
    private void EmitExitValidity(Opcode compare, bool signed, LocalBuilder s, LocalBuilder k, Label slow)
    {
        switch (compare)
        {
            case Opcode.I32LtU or Opcode.I32LtS or Opcode.I32LeU or Opcode.I32LeS:
                if (compare is Opcode.I32LeU or Opcode.I32LeS)
                {
                    AddTo(k, 1);
                }

                // Increasing, and the value after the last iteration (< k + s) still fits: no wrap before the exit.
                Load(s);
                _il.Emit(OpCodes.Ldc_I8, 0L);
                _il.Emit(OpCodes.Ble, slow);
                Load(k);
                Load(s);
                _il.Emit(OpCodes.Add);
                _il.Emit(OpCodes.Ldc_I8, signed ? 1L << 31 : 1L << 32);
                _il.Emit(OpCodes.Bgt, slow);
                break;
            case Opcode.I32GtU or Opcode.I32GtS or Opcode.I32GeU or Opcode.I32GeS:
                if (compare is Opcode.I32GeU or Opcode.I32GeS)
                {
                    AddTo(k, -1);
                }

                // Decreasing, and the value after the last iteration (> k + s) still fits.
                Load(s);
                _il.Emit(OpCodes.Ldc_I8, 0L);
                _il.Emit(OpCodes.Bge, slow);
                Load(k);
                _il.Emit(OpCodes.Ldc_I8, 1L);
                _il.Emit(OpCodes.Add);
                Load(s);
                _il.Emit(OpCodes.Add);
                _il.Emit(OpCodes.Ldc_I8, signed ? -(1L << 31) : 0L);
                _il.Emit(OpCodes.Blt, slow);
                break;
            default:
                // i32.ne: EmitNotEqualTripCount checks that the step reaches k exactly.
                break;
        }
    }

    /// <summary>
    /// The number of times the body runs at most: t* + 1, where t* is the first t at which the exit test fails
    /// (validity already checked by <see cref="EmitExitValidity"/>).
    /// </summary>
    private void EmitTripCount(Opcode compare, LocalBuilder s, int? constantStep, LocalBuilder x0, LocalBuilder k, LocalBuilder trips, Label slow)
    {
        var computed = _il.DefineLabel();
        _il.Emit(OpCodes.Ldc_I8, 1L);
        Store(trips);
        if (compare == Opcode.I32Ne)
        {
            EmitNotEqualTripCount(s, constantStep, x0, k, trips, slow);
        }
        else
        {
            // Moving toward k by |s|: trips = ceil(distance / |s|) + 1, or 1 when x0 is already past k. Increasing,
            // distance = k - x0 and |s| = s; decreasing, distance = x0 - k and |s| = -s.
            var increasing = compare is Opcode.I32LtU or Opcode.I32LtS or Opcode.I32LeU or Opcode.I32LeS;
            var (from, to) = increasing ? (x0, k) : (k, x0);
            Load(from);
            Load(to);
            _il.Emit(OpCodes.Bge, computed);
            // Both operands are positive here: unsigned division is the same and cheaper by a constant.
            Load(to);
            Load(from);
            _il.Emit(OpCodes.Sub);
            EmitMagnitude(s, constantStep, increasing);
            _il.Emit(OpCodes.Add);
            _il.Emit(OpCodes.Ldc_I8, 1L);
            _il.Emit(OpCodes.Sub);
            EmitMagnitude(s, constantStep, increasing);
            _il.Emit(OpCodes.Div_Un);
            _il.Emit(OpCodes.Ldc_I8, 1L);
            _il.Emit(OpCodes.Add);
            Store(trips);
        }

        _il.MarkLabel(computed);
    }

    /// <summary>
    /// The exit's own induction variable under an ordered exit, without a division: increasing, its start values stay
    /// below <c>first + (k - x0) + s</c> (it moves by s from where the tested value x0 was, and stops once past k);
    /// decreasing, above <c>first - (x0 - k) + s</c>. <paramref name="lo"/> and <paramref name="hi"/> hold its first value.
    /// </summary>
    private void EmitOrderedRange(Opcode compare, LocalBuilder step, LocalBuilder x0, LocalBuilder k, LocalBuilder lo, LocalBuilder hi)
    {
        var done = _il.DefineLabel();
        var increasing = compare is Opcode.I32LtU or Opcode.I32LtS or Opcode.I32LeU or Opcode.I32LeS;
        Load(x0);
        Load(k);
        _il.Emit(increasing ? OpCodes.Bge : OpCodes.Ble, done);
        var target = increasing ? hi : lo;
        Load(target);
        Load(k);
        Load(x0);
        _il.Emit(OpCodes.Sub);
        if (increasing)
        {
            _il.Emit(OpCodes.Add);
            Load(step);
            _il.Emit(OpCodes.Add);
            _il.Emit(OpCodes.Ldc_I8, 1L);
            _il.Emit(OpCodes.Sub);
        }
        else
        {
            // first - (x0 - k) + s + 1 = first + (k - x0) + s + 1
            _il.Emit(OpCodes.Add);
            Load(step);
            _il.Emit(OpCodes.Add);
            _il.Emit(OpCodes.Ldc_I8, 1L);
            _il.Emit(OpCodes.Add);
        }

        Store(target);
        _il.MarkLabel(done);
    }

    /// <summary>An induction variable's range from the trip count: first and first + s·(trips - 1), in either order.</summary>
    private void EmitSteppedRange(LocalBuilder step, LocalBuilder trips, LocalBuilder lo, LocalBuilder hi)
    {
        var last = DeclareLocal(typeof(long));
        var ordered = _il.DefineLabel();
        Load(lo);
        Load(step);
        Load(trips);
        _il.Emit(OpCodes.Ldc_I8, 1L);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Mul);
        _il.Emit(OpCodes.Add);
        Store(last);
        Load(last);
        Load(hi);
        _il.Emit(OpCodes.Blt, ordered);
        Load(last);
        Store(hi);
        _il.Emit(OpCodes.Br, ordered);
        _il.MarkLabel(ordered);
        Load(last);
        Load(lo);
        var keep = _il.DefineLabel();
        _il.Emit(OpCodes.Bge, keep);
        Load(last);
        Store(lo);
        _il.MarkLabel(keep);
    }

    /// <summary>Pushes |s|: s when increasing (validity checked s &gt; 0), -s when decreasing.</summary>
    private void EmitMagnitude(LocalBuilder s, int? constantStep, bool increasing)
    {
        if (constantStep is { } c)
        {
            _il.Emit(OpCodes.Ldc_I8, Math.Abs((long)c));
            return;
        }

        Load(s);
        if (!increasing)
        {
            _il.Emit(OpCodes.Neg);
        }
    }

    /// <summary>
    /// i32.ne: the distance to k (mod 2^32, in the step's direction) must be a multiple of the step. A constant step
    /// (<paramref name="constantStep"/>) picks the direction at compile time and divides by a constant. A zero step
    /// runs the checked copy.
    /// </summary>
    private void EmitNotEqualTripCount(LocalBuilder s, int? constantStep, LocalBuilder x0, LocalBuilder k, LocalBuilder trips, Label slow)
    {
        var distance = DeclareLocal(typeof(long));
        LocalBuilder? magnitude = null;
        if (constantStep is { } c)
        {
            if (c == 0)
            {
                _il.Emit(OpCodes.Br, slow);
                return;
            }

            EmitDistance(c > 0 ? k : x0, c > 0 ? x0 : k, distance);
        }
        else
        {
            magnitude = DeclareLocal(typeof(long));
            var negative = _il.DefineLabel();
            var ready = _il.DefineLabel();
            Load(s);
            _il.Emit(OpCodes.Ldc_I8, 0L);
            _il.Emit(OpCodes.Beq, slow);
            Load(s);
            _il.Emit(OpCodes.Ldc_I8, 0L);
            _il.Emit(OpCodes.Blt, negative);
            EmitDistance(k, x0, distance);
            Load(s);
            Store(magnitude);
            _il.Emit(OpCodes.Br, ready);
            _il.MarkLabel(negative);
            EmitDistance(x0, k, distance);
            Load(s);
            _il.Emit(OpCodes.Neg);
            Store(magnitude);
            _il.MarkLabel(ready);
        }

        // distance ≥ 0 and |s| > 0: unsigned is exact, and cheap by a constant.
        void LoadMagnitude()
        {
            if (magnitude is null)
            {
                _il.Emit(OpCodes.Ldc_I8, Math.Abs((long)constantStep!.Value));
            }
            else
            {
                Load(magnitude);
            }
        }

        Load(distance);
        LoadMagnitude();
        _il.Emit(OpCodes.Rem_Un);
        _il.Emit(OpCodes.Brtrue, slow);
        Load(distance);
        LoadMagnitude();
        _il.Emit(OpCodes.Div_Un);
        _il.Emit(OpCodes.Ldc_I8, 1L);
        _il.Emit(OpCodes.Add);
        Store(trips);
    }

    /// <summary>distance = (to - from) mod 2^32.</summary>
    private void EmitDistance(LocalBuilder to, LocalBuilder from, LocalBuilder distance)
    {
        Load(to);
        Load(from);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Ldc_I8, 0xFFFF_FFFFL);
        _il.Emit(OpCodes.And);
        Store(distance);
    }

    private void AddTo(LocalBuilder local, long value)
    {
        Load(local);
        _il.Emit(OpCodes.Ldc_I8, value);
        _il.Emit(OpCodes.Add);
        Store(local);
    }

    private void EmitRangeCheck(LocalBuilder value, long min, long max, Label slow)
    {
        Load(value);
        _il.Emit(OpCodes.Ldc_I8, max);
        _il.Emit(OpCodes.Bgt, slow);
        Load(value);
        _il.Emit(OpCodes.Ldc_I8, min);
        _il.Emit(OpCodes.Blt, slow);
    }

    /// <summary>Pushes the i32 the guest would compute for <paramref name="form"/> (+ v(<paramref name="plus"/>)) from the locals' current values.</summary>
    private void EmitWrapped(Affine form, int plus = -1)
    {
        _il.Emit(OpCodes.Ldc_I4, unchecked((int)form.Constant));
        foreach (var (local, coefficient) in form.Terms)
        {
            LoadLocal(local);
            _il.Emit(OpCodes.Ldc_I4, unchecked((int)coefficient));
            _il.Emit(OpCodes.Mul);
            _il.Emit(OpCodes.Add);
        }

        if (plus >= 0)
        {
            LoadLocal(plus);
            _il.Emit(OpCodes.Add);
        }
    }

    /// <summary>
    /// Pushes the least (or greatest) value of Σ coef·value as an i64: induction variables from their ranges, other
    /// locals as they are at loop entry, sign-extended. Any value congruent mod 2^32 gives a correct proof (an in-range
    /// sum equals the guest's wrapped operand); signed is the one that proves <c>base + negative offset</c>, and
    /// addresses below 2^31 read the same either way.
    /// </summary>
    private void EmitBound(Affine terms, Dictionary<int, LocalBuilder> min, Dictionary<int, LocalBuilder> max, bool lower)
    {
        _il.Emit(OpCodes.Ldc_I8, 0L);
        foreach (var (local, coefficient) in terms.Terms)
        {
            if (min.TryGetValue(local, out var low))
            {
                Load((coefficient > 0) == lower ? low : max[local]);
            }
            else
            {
                LoadLocal(local);
                _il.Emit(OpCodes.Conv_I8);
            }

            _il.Emit(OpCodes.Ldc_I8, coefficient);
            _il.Emit(OpCodes.Mul);
            _il.Emit(OpCodes.Add);
        }
    }
}
