using System.Reflection;
using System.Reflection.Emit;
using Spindle.Wasm.Binary;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm.Compilation;

/// <summary>
/// Compiles one validated function body to IL. The Wasm operand stack is mapped to typed IL locals, one per
/// (stack height, type). Within straight-line code, values stay on the IL evaluation stack while they are consumed
/// in stack order (expression trees); before any branch, label or out-of-order use they are spilled to their slot
/// locals, so the IL evaluation stack is empty at every branch target. Fewer local loads and stores keep big
/// functions under the JIT's optimization limits for longer. Code after an unconditional branch is skipped until
/// the end of its block.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private const int LargeFrameLocals = 256;
    private const int MaxIlLocals = 65_000;

    private readonly ModuleCompileContext _cx;
    private readonly ModuleDefinition _module;
    private readonly ILGenerator _il;
    private readonly int _functionIndex;
    private readonly FuncType _type;
    private readonly FunctionBody _body;
    private readonly ValType[] _localTypes;
    private readonly LocalBuilder?[] _locals;
    private readonly List<ValType> _stack = new(16);

    // Parallel to _stack: a float constant's bits (see FunctionCompiler.Numeric.cs) or the local a value was read from.
    private readonly List<StackInfo> _info = new(16);

    // Locals used as addresses whose accesses up to this end (offset + size) are known in bounds (FunctionCompiler.Memory.cs).
    private readonly Dictionary<int, long> _safeEnds = [];
    private readonly List<LocalBuilder>[] _slots = [[], [], [], [], []];
    private readonly List<Frame> _frames = new(8);
    private readonly Dictionary<(int, ValType), LocalBuilder> _resultTemps = [];
    /// <summary>The store, cached for epoch checks (only with epoch interruption).</summary>
    private LocalBuilder _store = null!;

    private LocalBuilder? _memBase;
    private LocalBuilder? _memLen;
    private LocalBuilder? _callee;
    private Label? _outOfBounds;
    private int _skipDepth;
    private int _declaredLocals;

    // How many of the top Wasm stack entries are on the IL evaluation stack rather than in their slot locals.
    private int _ilDepth;

    /// <summary>The out-of-line stack probe of the prologue and where it returns to (small frames only).</summary>
    private Label? _probe;

    private Label? _probed;

    private readonly int _paramCount;
    private int _promoted = -1;

    public FunctionCompiler(ModuleCompileContext cx, int functionIndex, ILGenerator il)
    {
        _cx = cx;
        _module = cx.Definition;
        _il = il;
        _functionIndex = functionIndex;
        _type = _module.FuncTypeOf((uint)functionIndex);
        _body = _module.Codes[functionIndex - _module.ImportedFunctionCount];
        var paramCount = _type.Parameters.Count;
        _paramCount = paramCount;
        _localTypes = new ValType[paramCount + _body.TotalLocals];
        for (var i = 0; i < paramCount; i++)
        {
            _localTypes[i] = _type.Parameters[i];
        }

        var next = paramCount;
        foreach (var group in _body.Locals)
        {
            for (var j = 0u; j < group.Count; j++)
            {
                _localTypes[next++] = group.Type;
            }
        }

        _locals = new LocalBuilder?[_localTypes.Length];
    }

    private Frame Top => _frames[^1];

    public void Compile()
    {
        PlanRegions();
        EmitPrologue();
        _frames.Add(new Frame(Opcode.Block, 0, [], [.. _type.Results], _il.DefineLabel()));
        EmitInstructions(_body.BodyOffset, _body.BodyOffset + _body.BodyLength);
        EmitProbe();
        EmitOutOfBoundsTrap();
    }

    /// <summary>Compiles the instructions at module offsets [start, end).</summary>
    private void EmitInstructions(int start, int end)
    {
        var reader = new InstructionReader(_module.Bytes, start, end);
        while (_frames.Count > 0 && reader.Read(out var ins))
        {
            if (Top.Unreachable)
            {
                Skip(in ins);
                continue;
            }

            Emit(in ins, ref reader);
        }
    }

    private void EmitProbe()
    {
        if (_probe is { } probe)
        {
            // The first frame of a call from the host has depth = MaxCallDepth; when that is a multiple of 16 (the
            // default 10,000 is) it would probe on every host call. Its stack is checked 16 frames later anyway.
            _il.MarkLabel(probe);
            LoadDepth();
            _il.Emit(OpCodes.Ldc_I4, _cx.Options.MaxCallDepth);
            _il.Emit(OpCodes.Beq, _probed!.Value);
            LoadDepth();
            _il.Emit(OpCodes.Call, Helper(typeof(Frames), nameof(Frames.Probe)));
            _il.Emit(OpCodes.Br, _probed.Value);
        }
    }

    private void EmitOutOfBoundsTrap()
    {
        if (_outOfBounds is { } oob)
        {
            _il.MarkLabel(oob);
            _il.Emit(OpCodes.Call, Helper(typeof(Trap), nameof(Trap.MemoryOutOfBounds)));
            _il.Emit(OpCodes.Throw);
        }
    }

    private void EmitPrologue()
    {
        // Wasm locals are zero-initialized by the IL method's "init locals" flag.
        for (var i = _type.Parameters.Count; i < _localTypes.Length; i++)
        {
            _locals[i] = DeclareLocal(Values.ClrType(_localTypes[i]));
        }

        // depth = callerDepth - 1; probe the stack (and catch an exhausted budget) every 16 frames, or every time for
        // large frames.
        LoadDepth();
        _il.Emit(OpCodes.Ldc_I4_1);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Starg, _paramCount + 1);
        if (_localTypes.Length <= LargeFrameLocals)
        {
            // The probe is rare (1 frame in 16): its code goes after the body (EmitProbe), off the hot path.
            _probe = _il.DefineLabel();
            _probed = _il.DefineLabel();
            LoadDepth();
            _il.Emit(OpCodes.Ldc_I4, 15);
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Brfalse, _probe.Value);
            _il.MarkLabel(_probed.Value);
        }
        else
        {
            LoadDepth();
            _il.Emit(OpCodes.Call, Helper(typeof(Frames), nameof(Frames.Probe)));
        }

        if (_cx.Options.EpochInterruption)
        {
            _store = _il.DeclareLocal(typeof(Store));
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Field(typeof(InstanceContext), nameof(InstanceContext.Store)));
            _il.Emit(OpCodes.Stloc, _store);
        }

        EmitEpochCheck();
        if (_cx.HasMemory && UsesMemoryAccess())
        {
            _memBase = _il.DeclareLocal(typeof(byte).MakeByRefType());
            _memLen = _il.DeclareLocal(typeof(ulong));
            ReloadMemory();
        }
    }

    /// <summary>Whether the body has loads or stores: only then are memory base and length cached (and reloaded after calls).</summary>
    private bool UsesMemoryAccess()
    {
        var reader = new InstructionReader(_module.Bytes, _body.BodyOffset, _body.BodyOffset + _body.BodyLength);
        while (reader.Read(out var ins))
        {
            if (_regions is not null && _regions.TryGetValue(ins.Offset, out var region))
            {
                // Outlined regions cache memory themselves.
                while (reader.Position < region.End && reader.Read(out _))
                {
                }
            }
            else if (OpcodeInfo.IsMemoryAccess(ins.Opcode))
            {
                return true;
            }
        }

        return false;
    }

    private void EmitEpochCheck()
    {
        if (_cx.Options.EpochInterruption)
        {
            _il.Emit(OpCodes.Ldloc, _store);
            _il.Emit(OpCodes.Call, Helper(typeof(Frames), nameof(Frames.CheckEpoch)));
        }
    }

    /// <summary>Caches memory 0's base and length in locals; after calls and memory.grow they may have changed.</summary>
    private void ReloadMemory()
    {
        if (_memBase is null)
        {
            return;
        }

        LoadContext();
        _il.Emit(OpCodes.Ldfld, Field(typeof(InstanceContext), nameof(InstanceContext.Memory)));
        _il.Emit(OpCodes.Ldfld, Field(typeof(Memory), nameof(Memory.Buffer)));
        _il.Emit(OpCodes.Call, s_arrayData);
        _il.Emit(OpCodes.Stloc, _memBase);
        LoadContext();
        _il.Emit(OpCodes.Ldfld, Field(typeof(InstanceContext), nameof(InstanceContext.Memory)));
        _il.Emit(OpCodes.Ldfld, Field(typeof(Memory), nameof(Memory.ByteLength)));
        _il.Emit(OpCodes.Stloc, _memLen!);
    }

    /// <summary>The function's end: results are in slots 0..k-1.</summary>
    private void EmitEpilogue()
    {
        // Breaks RyuJIT's implicit tail-call pattern (call; nop*; [pop;] ret): a tail call would drop this frame
        // from trap stack traces. Costs nothing after import.
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Pop);
        var results = _type.Results;
        for (var j = 1; j < results.Count; j++)
        {
            _il.Emit(OpCodes.Ldarg, _paramCount + 1 + j);
            _il.Emit(OpCodes.Ldloc, Slot(j, results[j]));
            _il.Emit(Signatures.StoreIndirect(results[j]));
        }

        if (results.Count > 0)
        {
            _il.Emit(OpCodes.Ldloc, Slot(0, results[0]));
        }

        _il.Emit(OpCodes.Ret);
    }

    // ---- operand stack slots ----

    private LocalBuilder Slot(int height, ValType type)
    {
        var list = _slots[KindOf(type)];
        while (list.Count <= height)
        {
            list.Add(DeclareLocal(Values.ClrType(type)));
        }

        return list[height];
    }

    private static int KindOf(ValType type) => type switch
    {
        ValType.I32 => 0,
        ValType.I64 => 1,
        ValType.F32 => 2,
        ValType.F64 => 3,
        _ => 4,
    };

    /// <summary>IL addresses locals with 16-bit indices; a function needing more (Wasm locals plus stack slots) cannot be compiled.</summary>
    private LocalBuilder DeclareLocal(Type type)
    {
        if (++_declaredLocals > MaxIlLocals)
        {
            throw new WasmValidationException(
                $"implementation limit: the function needs more than {MaxIlLocals} locals and operand stack slots; split it into smaller functions",
                _functionIndex, _body.BodyOffset, null);
        }

        return _il.DeclareLocal(type);
    }

    private static readonly MethodInfo s_arrayData = typeof(System.Runtime.InteropServices.MemoryMarshal)
        .GetMethods().First(m => m.Name == "GetArrayDataReference" && m.IsGenericMethodDefinition).MakeGenericMethod(typeof(byte));

    private static readonly Dictionary<(Type, string), MethodInfo> s_helpers = [];

    private static MethodInfo Helper(Type type, string name)
    {
        lock (s_helpers)
        {
            if (!s_helpers.TryGetValue((type, name), out var method))
            {
                method = type.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    ?? throw new InvalidOperationException($"missing runtime helper {type.Name}.{name}");
                s_helpers[(type, name)] = method;
            }

            return method;
        }
    }

    private static FieldInfo Field(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException($"missing runtime field {type.Name}.{name}");
}
