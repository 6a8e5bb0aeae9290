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
        EmitLoopPrecheck(plan, slow);

        if (_cx.Options.CountFastLoops)
        {
            _il.Emit(OpCodes.Call, Helper(typeof(Runtime.LoopCounters), nameof(Runtime.LoopCounters.EnterFast)));
        }

        // Inside an outer loop's fast copy, the outer proof still covers the accesses it proved.
        var outer = _provenAccesses;
        _provenAccesses = outer is null ? plan.ProvenAccesses : [.. outer, .. plan.ProvenAccesses];
        var fast = reader;
        _versionDepth++;
        CompileLoopCopy(in loop, ref fast);
        _provenAccesses = outer;
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

    private void CompileLoopCopy(in Instruction loop, ref InstructionReader reader)
    {
        var depth = _frames.Count;
        EnterBlock(in loop);
        while (_frames.Count > depth && reader.Read(out var ins))
        {
            Emit(in ins, ref reader);
        }
    }

    /// <summary>Computes the trip count and every group's address range at loop entry; branches to <paramref name="slow"/> unless all hold.</summary>
    private void EmitLoopPrecheck(LoopPlan plan, Label slow)
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
        var trips = DeclareLocal(typeof(long));
        EmitTripCount(exit.Compare, signed, s, x0, k, trips, slow);

        Load(trips);
        _il.Emit(OpCodes.Ldc_I8, MaxVersionedTrips);
        _il.Emit(OpCodes.Bgt, slow);

        // Each induction variable's value at the start of the first and of the last iteration.
        var first = new Dictionary<int, LocalBuilder>();
        var last = new Dictionary<int, LocalBuilder>();
        foreach (var (local, step) in steps)
        {
            var f = DeclareLocal(typeof(long));
            LoadLocal(local);
            _il.Emit(OpCodes.Conv_I8);
            Store(f);
            var l = DeclareLocal(typeof(long));
            Load(f);
            Load(step);
            Load(trips);
            _il.Emit(OpCodes.Ldc_I8, 1L);
            _il.Emit(OpCodes.Sub);
            _il.Emit(OpCodes.Mul);
            _il.Emit(OpCodes.Add);
            Store(l);
            EmitRangeCheck(l, -MaxInductionValue, MaxInductionValue, slow);
            first[local] = f;
            last[local] = l;
        }

        var end = DeclareLocal(typeof(long));
        foreach (var group in plan.Groups)
        {
            foreach (var values in new[] { first, last })
            {
                EmitLong(group.Terms, values);
                Store(end);
                Load(end);
                _il.Emit(OpCodes.Ldc_I8, group.MinConstant);
                _il.Emit(OpCodes.Add);
                _il.Emit(OpCodes.Ldc_I8, 0L);
                _il.Emit(OpCodes.Blt, slow);
                Load(end);
                _il.Emit(OpCodes.Ldc_I8, group.MaxEnd);
                _il.Emit(OpCodes.Add);
                Load(_memLen!);
                _il.Emit(OpCodes.Bgt, slow);
            }
        }
    }

    /// <summary>
    /// The number of times the body runs: the exit test sees <c>x0 + s·t</c> after iteration t and continues while it
    /// compares true with k. Shapes whose values could wrap before the exit go to <paramref name="slow"/>.
    /// </summary>
    private void EmitTripCount(Opcode compare, bool signed, LocalBuilder s, LocalBuilder x0, LocalBuilder k, LocalBuilder trips, Label slow)
    {
        var computed = _il.DefineLabel();
        _il.Emit(OpCodes.Ldc_I8, 1L);
        Store(trips);
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
                Load(x0);
                Load(k);
                _il.Emit(OpCodes.Bge, computed);

                // trips = ceil((k - x0) / s) + 1
                Load(k);
                Load(x0);
                _il.Emit(OpCodes.Sub);
                Load(s);
                _il.Emit(OpCodes.Add);
                _il.Emit(OpCodes.Ldc_I8, 1L);
                _il.Emit(OpCodes.Sub);
                Load(s);
                _il.Emit(OpCodes.Div);
                _il.Emit(OpCodes.Ldc_I8, 1L);
                _il.Emit(OpCodes.Add);
                Store(trips);
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
                Load(x0);
                Load(k);
                _il.Emit(OpCodes.Ble, computed);

                // trips = ceil((x0 - k) / -s) + 1
                Load(x0);
                Load(k);
                _il.Emit(OpCodes.Sub);
                Load(s);
                _il.Emit(OpCodes.Sub);
                _il.Emit(OpCodes.Ldc_I8, 1L);
                _il.Emit(OpCodes.Sub);
                Load(s);
                _il.Emit(OpCodes.Neg);
                _il.Emit(OpCodes.Div);
                _il.Emit(OpCodes.Ldc_I8, 1L);
                _il.Emit(OpCodes.Add);
                Store(trips);
                break;
            default:
                EmitNotEqualTripCount(s, x0, k, trips, slow);
                break;
        }

        _il.MarkLabel(computed);
    }

    /// <summary>i32.ne: the distance to k (mod 2^32, in the step's direction) must be a multiple of the step.</summary>
    private void EmitNotEqualTripCount(LocalBuilder s, LocalBuilder x0, LocalBuilder k, LocalBuilder trips, Label slow)
    {
        var distance = DeclareLocal(typeof(long));
        var magnitude = DeclareLocal(typeof(long));
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
        Load(distance);
        Load(magnitude);
        _il.Emit(OpCodes.Rem);
        _il.Emit(OpCodes.Brtrue, slow);
        Load(distance);
        Load(magnitude);
        _il.Emit(OpCodes.Div);
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
    /// Pushes Σ coef·value as an i64: induction variables from <paramref name="values"/>, other locals sign-extended.
    /// Any value congruent mod 2^32 gives a correct proof (an in-range sum equals the guest's wrapped address); signed
    /// is the one that proves <c>base + negative offset</c>, and addresses below 2^31 read the same either way.
    /// </summary>
    private void EmitLong(Affine terms, Dictionary<int, LocalBuilder> values)
    {
        _il.Emit(OpCodes.Ldc_I8, 0L);
        foreach (var (local, coefficient) in terms.Terms)
        {
            if (values.TryGetValue(local, out var value))
            {
                Load(value);
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
