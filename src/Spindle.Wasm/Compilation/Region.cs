using System.Reflection.Emit;
using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// A run of whole statements of one function body that is compiled into its own IL method (see
/// <see cref="RegionPlanner"/>). It starts and ends where the operand stack of its enclosing block is empty. Its method
/// is <c>int region(InstanceContext ctx, int depth, locals..., ref lanes...)</c>: read-only locals by value, written
/// locals by reference, then one reference per value lane carried out by branches. It returns 0 when control falls
/// through its end, or <c>e + 1</c> when it leaves by exit e: a branch to the enclosing label at depth
/// <c>Exits[e]</c> (a <c>return</c> targets the function's own label, the outermost).
/// </summary>
internal sealed class Region(int start, int end, int outerDepth, RegionFrame innermost, bool fallsThrough)
{
    /// <summary>Module offset of the first instruction.</summary>
    public int Start { get; } = start;

    /// <summary>Module offset of the first instruction after the region.</summary>
    public int End { get; } = end;

    /// <summary>How many control frames enclose the region (the function's own block included).</summary>
    public int OuterDepth { get; } = outerDepth;

    /// <summary>The innermost enclosing frame: the block whose statements the region holds.</summary>
    public RegionFrame Innermost { get; } = innermost;

    /// <summary>Whether control can reach the region's end (otherwise every path branches out or traps).</summary>
    public bool FallsThrough { get; } = fallsThrough;

    /// <summary>The Wasm locals the region reads or writes, ascending.</summary>
    public int[] Locals { get; set; } = [];

    /// <summary>Parallel to <see cref="Locals"/>: whether the region writes the local (it is then passed by reference).</summary>
    public bool[] Written { get; set; } = [];

    /// <summary>Depths of the enclosing labels the region branches to (0 = the innermost enclosing block), ascending.</summary>
    public int[] Exits { get; set; } = [];

    /// <summary>Parallel to <see cref="Exits"/>: the types of the values each exit carries.</summary>
    public ValType[][] ExitTypes { get; set; } = [];

    /// <summary>The value lanes of the exits: branch value <c>Position</c> of type <c>Type</c> travels through lane i.</summary>
    public (int Position, ValType Type)[] Lanes { get; set; } = [];

    /// <summary>Whether the region loads or stores (it then caches the memory base and length itself).</summary>
    public bool UsesMemory { get; set; }

    public MethodBuilder Method { get; set; } = null!;

    /// <summary>The code the region returns for a branch to the enclosing label at depth <paramref name="exit"/>: dense, so the caller's switch stays small.</summary>
    public int CodeOf(int exit) => Array.BinarySearch(Exits, exit) + 1;

    public int LaneOf(int position, ValType type)
    {
        for (var i = 0; i < Lanes.Length; i++)
        {
            if (Lanes[i].Position == position && Lanes[i].Type == type)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"region at @0x{Start:X} has no lane for branch value {position} of type {type}");
    }
}

/// <summary>What a region needs to know about an enclosing control frame: the types its branches carry.</summary>
internal readonly record struct RegionFrame(Opcode Kind, ValType[] Parameters, ValType[] Results)
{
    public ValType[] BranchTypes => Kind == Opcode.Loop ? Parameters : Results;
}
