using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// What <see cref="LoopAnalyzer"/> proved about a simple loop: how many times its body runs (from the exit test) and
/// how the addresses of its loads and stores move per iteration. The compiler checks <see cref="Groups"/> once before
/// the loop and, when they hold, runs a copy of the loop without the checks of <see cref="ProvenAccesses"/>.
/// </summary>
internal sealed class LoopPlan(
    HashSet<int> provenAccesses, List<AccessGroup> groups, Dictionary<int, Affine> inductions, LoopExit exit, int nesting,
    Dictionary<int, (AccessGroup Group, long Constant)> accessGroups, bool growsMemory)
{
    /// <summary>How deep loops nest inside this one (0: an innermost loop).</summary>
    public int Nesting { get; } = nesting;

    /// <summary>Offsets of the load and store instructions whose bounds checks the fast copy omits.</summary>
    public HashSet<int> ProvenAccesses { get; } = provenAccesses;

    public List<AccessGroup> Groups { get; } = groups;

    /// <summary>Induction locals and their per-iteration step (a form over loop-invariant locals).</summary>
    public Dictionary<int, Affine> Inductions { get; } = inductions;

    public LoopExit Exit { get; } = exit;

    /// <summary>Each proven access's group and the constant its address operand adds to the group's terms.</summary>
    public Dictionary<int, (AccessGroup Group, long Constant)> AccessGroups { get; } = accessGroups;

    /// <summary>Whether the body has a <c>memory.grow</c>, which may move the memory's buffer.</summary>
    public bool GrowsMemory { get; } = growsMemory;
}

/// <summary>
/// Accesses whose address operands share <see cref="Terms"/>: each operand is Terms + its own constant (at least
/// <see cref="MinConstant"/>), and each access ends before Terms + <see cref="MaxEnd"/> (constant + memarg offset +
/// width). Proving Terms + MinConstant ≥ 0 and Terms + MaxEnd ≤ memory length over all iterations proves that no
/// operand wrapped and every access is in bounds.
/// </summary>
internal sealed class AccessGroup(Affine terms, long minConstant, long maxEnd)
{
    public Affine Terms { get; } = terms;

    public long MinConstant { get; set; } = minConstant;

    public long MaxEnd { get; set; } = maxEnd;
}

/// <summary>
/// The loop continues while <c>v(Induction) + Offset  Compare  Bound</c> holds (i32 arithmetic), tested at the end of
/// each iteration; <see cref="Offset"/> and <see cref="Bound"/> are loop-invariant forms. <see cref="Compare"/> is one
/// of i32.ne, lt/le/gt/ge (signed or unsigned).
/// </summary>
internal sealed record LoopExit(int Induction, Affine Offset, Opcode Compare, Affine Bound);
