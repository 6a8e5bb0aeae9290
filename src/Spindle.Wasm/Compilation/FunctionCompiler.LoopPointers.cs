using System.Reflection.Emit;

namespace Spindle.Wasm.Compilation;

// Pointer induction variables for a versioned loop's fast copy. Every access of a group (LoopPlan) is at
// base + Terms + its constant, where Terms moves by the same amount on every back edge. So the fast copy keeps one
// managed pointer per group, base + Terms + MinConstant, advances it on back edges, and addresses each access as a
// constant displacement from it: no zero extension and no base + index add per access (RyuJIT re-materializes both
// for every use of an i32 address). The precheck proved base + Terms + MinConstant within [base, base + length] at
// the start of every iteration that runs, so the pointer never leaves the buffer, as the GC requires of interior
// pointers.
internal sealed partial class FunctionCompiler
{
    /// <summary>A group's pointer and how much it moves per iteration (null: it does not move).</summary>
    private sealed record LoopPointer(LocalBuilder Pointer, LocalBuilder? Delta);

    /// <summary>
    /// A group with a single access keeps its i32 address: RyuJIT folds one add and its zero extension into the access,
    /// and the pointer's set-up before the loop then costs more than it saves (the sieve's inner loop, entered per prime).
    /// </summary>
    private const int MinPointerAccesses = 2;

    /// <summary>In a fast copy: each proven access's group pointer and displacement from it (before the memarg offset).</summary>
    private Dictionary<int, (LocalBuilder Pointer, long Displacement)>? _accessPointers;

    /// <summary>The pointer the access being compiled uses, if any (set per instruction by EmitMemory).</summary>
    private (LocalBuilder Pointer, long Displacement)? _accessPointer;

    /// <summary>
    /// After a successful precheck: initializes each group's pointer from the locals' values at loop entry and its
    /// per-iteration delta from the induction steps (<paramref name="steps"/>: the precheck's i64 steps).
    /// </summary>
    private List<LoopPointer> EmitLoopPointers(LoopPlan plan, Dictionary<int, LocalBuilder> steps, Dictionary<int, (LocalBuilder, long)> accesses)
    {
        var pointers = new List<LoopPointer>();
        var byGroup = new Dictionary<AccessGroup, LocalBuilder>();
        var uses = plan.AccessGroups.Values.CountBy(a => a.Group).ToDictionary();
        foreach (var group in plan.Groups)
        {
            if (uses[group] < MinPointerAccesses)
            {
                continue;
            }

            // The same sign-extended values the precheck's bounds used: the sum is then exactly the guest's operand.
            var pointer = DeclareLocal(typeof(byte).MakeByRefType());
            Load(_memBase!);
            _il.Emit(OpCodes.Ldc_I8, group.MinConstant);
            foreach (var (local, coefficient) in group.Terms.Terms)
            {
                LoadLocal(local);
                _il.Emit(OpCodes.Conv_I8);
                _il.Emit(OpCodes.Ldc_I8, coefficient);
                _il.Emit(OpCodes.Mul);
                _il.Emit(OpCodes.Add);
            }

            _il.Emit(OpCodes.Conv_I);
            _il.Emit(OpCodes.Add);
            Store(pointer);

            LocalBuilder? delta = null;
            var moving = group.Terms.Terms.Where(t => steps.ContainsKey(t.Key)).ToArray();
            if (moving.Length > 0)
            {
                delta = DeclareLocal(typeof(nint));
                _il.Emit(OpCodes.Ldc_I8, 0L);
                foreach (var (local, coefficient) in moving)
                {
                    Load(steps[local]);
                    _il.Emit(OpCodes.Ldc_I8, coefficient);
                    _il.Emit(OpCodes.Mul);
                    _il.Emit(OpCodes.Add);
                }

                _il.Emit(OpCodes.Conv_I);
                Store(delta);
            }

            pointers.Add(new LoopPointer(pointer, delta));
            byGroup[group] = pointer;
        }

        foreach (var (offset, (group, constant)) in plan.AccessGroups)
        {
            if (byGroup.TryGetValue(group, out var pointer))
            {
                accesses[offset] = (pointer, constant - group.MinConstant);
            }
        }

        return pointers;
    }

    /// <summary>On a back edge of a loop with pointers: advance them to the next iteration.</summary>
    private void EmitPointerSteps(Frame target)
    {
        foreach (var (pointer, delta) in target.Pointers!)
        {
            if (delta is not null)
            {
                Load(pointer);
                Load(delta);
                _il.Emit(OpCodes.Add);
                Store(pointer);
            }
        }
    }
}
