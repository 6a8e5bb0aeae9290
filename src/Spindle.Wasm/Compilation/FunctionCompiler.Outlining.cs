using System.Reflection.Emit;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

// Outlining: regions of very large functions are compiled into methods of their own (see RegionPlanner), so every
// method stays under the JIT's optimization limits. A region method copies the locals it uses into its own IL locals,
// compiles its instructions like any other code, and on leaving writes back the locals it assigned and returns an
// exit code; the caller then performs the branch or return the region took.
internal sealed partial class FunctionCompiler
{
    /// <summary>Regions of this function by start offset (null when it fits in one method).</summary>
    private Dictionary<int, Region>? _regions;

    /// <summary>Set when compiling a region's method: the enclosing frames are the first <see cref="_outerCount"/> of <see cref="_frames"/>.</summary>
    private readonly Region? _region;
    private int _outerCount;

    /// <summary>Enclosing frames of a region below the materialized one: a <c>return</c> branches past them.</summary>
    private int _virtualOuter;
    private LocalBuilder? _exitCode;
    private Label _exit;

    // Caller-side temporaries receiving exit values, by (position, type): their addresses are taken.
    private readonly Dictionary<(int, ValType), LocalBuilder> _laneTemps = [];

    /// <summary>A compiler for a region of <paramref name="parent"/>'s function.</summary>
    private FunctionCompiler(FunctionCompiler parent, Region region, ILGenerator il)
    {
        _cx = parent._cx;
        _module = parent._module;
        _il = il;
        _functionIndex = parent._functionIndex;
        _type = parent._type;
        _body = parent._body;
        _localTypes = parent._localTypes;
        _locals = new LocalBuilder?[_localTypes.Length];

        // Arguments: the context at 0 and the depth at 1, as LoadContext and LoadDepth expect.
        _paramCount = 0;
        _region = region;
    }

    private void PlanRegions()
    {
        var regions = RegionPlanner.Plan(_module, _functionIndex, _cx.Options.RegionBudget, _cx.Options.OutliningThreshold);
        if (regions is null)
        {
            return;
        }

        _regions = new Dictionary<int, Region>(regions.Count);
        for (var k = 0; k < regions.Count; k++)
        {
            var region = regions[k];
            region.Method = _cx.DefineRegionMethod(_functionIndex, k, RegionParameterTypes(region));
            new FunctionCompiler(this, region, region.Method.GetILGenerator()).CompileRegion();
            _regions[region.Start] = region;
        }
    }

    private Type[] RegionParameterTypes(Region region)
    {
        var types = new Type[2 + region.Locals.Length + region.Lanes.Length];
        types[0] = typeof(InstanceContext);
        types[1] = typeof(int);
        for (var j = 0; j < region.Locals.Length; j++)
        {
            var type = Values.ClrType(_localTypes[region.Locals[j]]);
            types[2 + j] = region.Written[j] ? type.MakeByRefType() : type;
        }

        for (var i = 0; i < region.Lanes.Length; i++)
        {
            types[2 + region.Locals.Length + i] = Values.ClrType(region.Lanes[i].Type).MakeByRefType();
        }

        return types;
    }

    private void CompileRegion()
    {
        var region = _region!;
        for (var j = 0; j < region.Locals.Length; j++)
        {
            var index = region.Locals[j];
            var local = DeclareLocal(Values.ClrType(_localTypes[index]));
            _locals[index] = local;
            _il.Emit(OpCodes.Ldarg, 2 + j);
            if (region.Written[j])
            {
                EmitLoadIndirect(_localTypes[index]);
            }

            Store(local);
        }

        if (_cx.Options.EpochInterruption)
        {
            _store = _il.DeclareLocal(typeof(Store));
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Field(typeof(InstanceContext), nameof(InstanceContext.Store)));
            _il.Emit(OpCodes.Stloc, _store);
        }

        if (_cx.HasMemory && region.UsesMemory)
        {
            _memBase = _il.DeclareLocal(typeof(byte).MakeByRefType());
            _memLen = _il.DeclareLocal(typeof(ulong));
            ReloadMemory();
        }

        _exitCode = _il.DeclareLocal(typeof(int));
        _exit = _il.DefineLabel();

        // The enclosing frames only receive branches, which become exits: only the innermost is materialized (its
        // Unreachable flag tracks the region's top level); the others exist as label depths (IsExit). The region's
        // operand stack starts empty.
        var innermost = region.Innermost;
        _frames.Add(new Frame(innermost.Kind, 0, innermost.Parameters, innermost.Results, _exit));
        _outerCount = 1;
        _virtualOuter = region.OuterDepth - 1;
        EmitInstructions(region.Start, region.End);
        if (!Top.Unreachable)
        {
            _il.Emit(OpCodes.Ldc_I4_0);
            Store(_exitCode);
        }

        _il.MarkLabel(_exit);
        for (var j = 0; j < region.Locals.Length; j++)
        {
            if (region.Written[j])
            {
                var index = region.Locals[j];
                _il.Emit(OpCodes.Ldarg, 2 + j);
                Load(_locals[index]!);
                _il.Emit(Signatures.StoreIndirect(_localTypes[index]));
            }
        }

        Load(_exitCode);
        _il.Emit(OpCodes.Ret);
        EmitOutOfBoundsTrap();
    }

    /// <summary>
    /// Whether a branch to <paramref name="depth"/> leaves the region being compiled; <paramref name="exit"/> is then
    /// the depth of the target among the enclosing labels (0 = the innermost).
    /// </summary>
    private bool IsExit(int depth, out int exit)
    {
        var index = _frames.Count - 1 - depth;
        exit = _outerCount - 1 - index;
        return index < _outerCount;
    }

    /// <summary>Leaves the region for the enclosing label at depth <paramref name="exit"/>: branch values go to their lanes.</summary>
    private void EmitExit(int exit)
    {
        var region = _region!;
        var types = region.ExitTypes[region.CodeOf(exit) - 1];
        var from = _stack.Count - types.Length;
        for (var i = 0; i < types.Length; i++)
        {
            _il.Emit(OpCodes.Ldarg, 2 + region.Locals.Length + region.LaneOf(i, types[i]));
            Load(Slot(from + i, types[i]));
            _il.Emit(Signatures.StoreIndirect(types[i]));
        }

        _il.Emit(OpCodes.Ldc_I4, region.CodeOf(exit));
        Store(_exitCode!);
        _il.Emit(OpCodes.Br, _exit);
    }

    private void EmitLoadIndirect(ValType type) => _il.Emit(type switch
    {
        ValType.I32 => OpCodes.Ldind_I4,
        ValType.I64 => OpCodes.Ldind_I8,
        ValType.F32 => OpCodes.Ldind_R4,
        ValType.F64 => OpCodes.Ldind_R8,
        _ => OpCodes.Ldind_Ref,
    });
}
