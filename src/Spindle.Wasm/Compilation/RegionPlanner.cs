using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// Picks the regions of a function too big for the JIT's optimizer (RyuJIT compiles a method with MinOpts above
/// ~20,000 IL instructions, 2,000 basic blocks or 8,000 local references; see docs/rationale.md). A body whose
/// estimated cost exceeds the threshold is cut at statement boundaries (where the operand stack of the enclosing
/// block is empty) into runs of whole statements, each within the budget; a statement too big on its own (a block,
/// loop or if) is recursed into, so a giant loop body becomes a loop calling region methods. Functions within the
/// threshold get no regions and compile exactly as before.
/// </summary>
internal sealed partial class RegionPlanner
{
    /// <summary>
    /// The most a region may cost, in estimated cost units (see <see cref="Cost"/>): about a third of where
    /// functions were measured to fall off the cliff, leaving room for a wrong estimate (docs/perf/engine.md).
    /// </summary>
    public const int DefaultBudget = 8_000;

    /// <summary>
    /// Only functions costing more than this are split: measured, both a straight-line statement loop and an
    /// interpreter-style br_table dispatch loop fall off the cliff at a cost of about 30,000 (docs/perf/engine.md);
    /// everything below compiles exactly as without outlining.
    /// </summary>
    public const int DefaultThreshold = 24_000;

    private readonly ModuleDefinition _module;
    private readonly int _budget;
    private int _minRegion;

    /// <summary>Total cost of the instructions moved into regions.</summary>
    private int _outlined;
    private readonly List<Instruction> _instructions = [];
    private readonly List<int> _prefix = [0];
    private readonly List<Run> _runs = [];

    private RegionPlanner(ModuleDefinition module, int budget)
    {
        _module = module;
        _budget = budget;

        // Statement runs this small are left inline: a call and the copies of its locals would cost more than it saves.
        _minRegion = budget / 16;
    }

    /// <summary>
    /// The regions of a function, ordered by offset, or null when its cost is within <paramref name="threshold"/>;
    /// each region costs at most <paramref name="budget"/>.
    /// </summary>
    public static List<Region>? Plan(ModuleDefinition module, int functionIndex, int budget, int threshold)
    {
        var body = module.Codes[functionIndex - module.ImportedFunctionCount];
        if (!Exceeds(module, body, threshold))
        {
            return null;
        }

        var planner = new RegionPlanner(module, budget);
        var root = planner.Parse(body, module.FuncTypeOf((uint)functionIndex));
        planner.PlanBody(root);
        while (planner.Residual > threshold && planner._minRegion > 0)
        {
            // The small statement runs left inline (say the cases of an interpreter loop) still add up to too much:
            // outline smaller ones too.
            planner._runs.Clear();
            planner._outlined = 0;
            planner._minRegion /= 2;
            planner.PlanBody(root);
        }

        if (planner._runs.Count == 0)
        {
            return null;
        }

        var regions = new List<Region>(planner._runs.Count);
        foreach (var run in planner._runs)
        {
            regions.Add(planner.Describe(run));
        }

        return regions;
    }

    private static bool Exceeds(ModuleDefinition module, FunctionBody body, int budget)
    {
        // Every instruction takes at least one byte and costs at most MaxCost (br_table aside).
        if ((long)body.BodyLength * MaxCost <= budget)
        {
            return false;
        }

        var reader = new InstructionReader(module.Bytes, body.BodyOffset, body.BodyOffset + body.BodyLength);
        var total = 0;
        while (reader.Read(out var ins))
        {
            total += Cost(in ins);
            if (total > budget)
            {
                return true;
            }
        }

        return false;
    }

    private const int MaxCost = 12;

    /// <summary>Blocks nested deeper than this are not recursed into (bounds the planner's own stack use).</summary>
    private const int MaxNesting = 1_000;

    /// <summary>
    /// Estimated cost: about one unit per IL instruction (most Wasm instructions emit one or two); loads and stores
    /// carry a bounds check (a branch and ~12 IL instructions), control instructions start basic blocks.
    /// </summary>
    private static int Cost(in Instruction ins) => ins.Opcode switch
    {
        Opcode.Nop or Opcode.Block => 0,
        >= Opcode.I32Load and <= Opcode.I64Store32 => MaxCost,
        Opcode.If or Opcode.Loop or Opcode.BrIf or Opcode.Select or Opcode.SelectTyped or Opcode.CallIndirect => 8,
        Opcode.BrTable => 8 + ins.BrTableCount,
        Opcode.Else or Opcode.End or Opcode.Br or Opcode.Return or Opcode.Call or Opcode.Unreachable => 4,
        _ => 2,
    };

    private int CostOf(int start, int end) => _prefix[end] - _prefix[start];

    /// <summary>Estimated cost left in the function's own method: what was not outlined, plus a call per region.</summary>
    private int Residual => _prefix[^1] - _outlined + (_runs.Count * CallCost);

    private const int CallCost = 16;

    /// <summary>Chunks a body's statements into regions, recursing into statements too big for one.</summary>
    private void PlanBody(Body body, int depth = 0)
    {
        int runStart = -1, runEnd = -1;
        var runFalls = true;
        foreach (var item in body.Items)
        {
            var cost = CostOf(item.Start, item.End);
            if (item.IsStatement && cost <= _budget)
            {
                if (runStart >= 0 && CostOf(runStart, item.End) > _budget)
                {
                    AddRegion(body, runStart, runEnd, runFalls);
                    runStart = -1;
                }

                if (runStart < 0)
                {
                    runStart = item.Start;
                }

                runEnd = item.End;
                runFalls = item.FallsThrough;
                continue;
            }

            if (runStart >= 0)
            {
                AddRegion(body, runStart, runEnd, runFalls);
                runStart = -1;
            }

            if (cost > _budget && depth < MaxNesting)
            {
                foreach (var child in item.Children)
                {
                    PlanBody(child, depth + 1);
                }
            }
        }

        if (runStart >= 0)
        {
            AddRegion(body, runStart, runEnd, runFalls);
        }
    }

    private void AddRegion(Body body, int start, int end, bool fallsThrough)
    {
        var cost = CostOf(start, end);
        if (cost < _minRegion)
        {
            return;
        }

        _outlined += cost;
        _runs.Add(new Run(body, start, end, fallsThrough));
    }

    /// <summary>Finds the locals a region uses, the enclosing labels it branches to and whether it accesses memory.</summary>
    private Region Describe(Run run)
    {
        var (body, start, end, fallsThrough) = run;
        var depth = 0;
        for (var b = body; b is not null; b = b.Parent)
        {
            depth++;
        }

        var region = new Region(_instructions[start].Offset, _instructions[end].Offset, depth, body.Frame, fallsThrough);
        var locals = new SortedDictionary<int, bool>();
        var exits = new SortedSet<int>();
        var nest = 0;
        for (var i = start; i < end; i++)
        {
            var ins = _instructions[i];
            switch (ins.Opcode)
            {
                case Opcode.Block:
                case Opcode.Loop:
                case Opcode.If:
                    nest++;
                    break;
                case Opcode.End:
                    nest--;
                    break;
                case Opcode.Br:
                case Opcode.BrIf:
                    AddExit(exits, (int)ins.Index, nest);
                    break;
                case Opcode.BrTable:
                    var targets = new uint[ins.BrTableCount];
                    InstructionReader.ReadBrTableTargets(_module.Bytes, in ins, targets);
                    foreach (var target in targets)
                    {
                        AddExit(exits, (int)target, nest);
                    }

                    AddExit(exits, (int)ins.Index, nest);
                    break;
                case Opcode.Return:
                    exits.Add(depth - 1);
                    break;
                case Opcode.LocalGet:
                    locals.TryAdd((int)ins.Index, false);
                    break;
                case Opcode.LocalSet:
                case Opcode.LocalTee:
                    locals[(int)ins.Index] = true;
                    break;
                default:
                    region.UsesMemory |= OpcodeInfo.IsMemoryAccess(ins.Opcode);
                    break;
            }
        }

        region.Locals = [.. locals.Keys];
        region.Written = [.. locals.Values];
        region.Exits = [.. exits];
        region.ExitTypes = new ValType[exits.Count][];
        var lanes = new List<(int, ValType)>();
        var e = 0;
        var frame = body;
        var frameDepth = 0;
        foreach (var exit in exits)
        {
            // Exits ascend, so one walk up the enclosing bodies finds every target.
            for (; frameDepth < exit; frameDepth++)
            {
                frame = frame!.Parent;
            }

            var types = frame!.Frame.BranchTypes;
            region.ExitTypes[e++] = types;
            for (var i = 0; i < types.Length; i++)
            {
                if (!lanes.Contains((i, types[i])))
                {
                    lanes.Add((i, types[i]));
                }
            }
        }

        region.Lanes = [.. lanes];
        return region;
    }

    /// <summary>A run of statements [Start, End) of a body, chosen to become a region.</summary>
    private readonly record struct Run(Body Body, int Start, int End, bool FallsThrough);

    private static void AddExit(SortedSet<int> exits, int label, int nest)
    {
        if (label >= nest)
        {
            exits.Add(label - nest);
        }
    }
}
