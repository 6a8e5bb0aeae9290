using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Validation;

/// <summary>
/// Validates function bodies with the spec's operand/control stack algorithm (appendix 7.3). One instance per module
/// is reused across its functions so the stacks are allocated once.
/// </summary>
internal sealed partial class FunctionValidator
{
    /// <summary>The type of an operand whose type is not known because the code is unreachable.</summary>
    internal const ValType Unknown = 0;

    private static readonly ValType[] s_i32 = [ValType.I32];
    private static readonly ValType[] s_i64 = [ValType.I64];
    private static readonly ValType[] s_f32 = [ValType.F32];
    private static readonly ValType[] s_f64 = [ValType.F64];
    private static readonly ValType[] s_funcRef = [ValType.FuncRef];
    private static readonly ValType[] s_externRef = [ValType.ExternRef];

    private readonly ModuleDefinition _module;
    private readonly bool[] _declaredReferences;
    private ValType[] _stack = new ValType[64];
    private int _height;
    private ControlFrame[] _frames = new ControlFrame[16];
    private int _frameCount;

    // Mirror of the top frame's Height and Unreachable, read on every pop.
    private int _floor;
    private bool _polymorphic;
    private int[] _checkedLabels = new int[16];
    private int _brTableStamp;
    private ValType[] _locals = new ValType[16];
    private int _localCount;

    // The instruction being validated, for error messages.
    private int _functionIndex;
    private int _offset;
    private Opcode _opcode;

    public FunctionValidator(ModuleDefinition module, bool[] declaredReferences)
    {
        _module = module;
        _declaredReferences = declaredReferences;
    }

    /// <summary>Validates the body of the <paramref name="definedIndex"/>-th module-defined function.</summary>
    public void Validate(int definedIndex)
    {
        var body = _module.Codes[definedIndex];
        _functionIndex = _module.ImportedFunctionCount + definedIndex;
        var type = _module.Types[_module.FunctionTypeIndices[definedIndex]];
        SetUpLocals(type, body);

        _height = 0;
        _frameCount = 0;
        PushFrame(Opcode.Block, [], type.ResultArray);

        var reader = new InstructionReader(_module.Bytes, body.BodyOffset, body.BodyOffset + body.BodyLength);
        while (reader.Read(out var instruction))
        {
            _offset = instruction.Offset;
            _opcode = instruction.Opcode;
            ValidateInstruction(in instruction);
        }
    }

    private void SetUpLocals(FuncType type, FunctionBody body)
    {
        var parameters = type.ParameterSpan;
        var count = parameters.Length + body.TotalLocals;
        if (_locals.Length < count)
        {
            _locals = new ValType[Math.Max(count, _locals.Length * 2)];
        }

        parameters.CopyTo(_locals);
        var at = parameters.Length;
        foreach (var group in body.Locals)
        {
            _locals.AsSpan(at, (int)group.Count).Fill(group.Type);
            at += (int)group.Count;
        }

        _localCount = count;
    }

    private static ValType[] Single(ValType type) => type switch
    {
        ValType.I32 => s_i32,
        ValType.I64 => s_i64,
        ValType.F32 => s_f32,
        ValType.F64 => s_f64,
        ValType.FuncRef => s_funcRef,
        _ => s_externRef,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(ValType type)
    {
        if (_height == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }

        _stack[_height++] = type;
    }

    private void Push(ValType[] types)
    {
        foreach (var type in types)
        {
            Push(type);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ValType Pop()
    {
        if (_height == _floor)
        {
            if (_polymorphic)
            {
                return Unknown;
            }

            FailEmpty(Unknown);
        }

        return _stack[--_height];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Pop(ValType expected)
    {
        if (_height == _floor)
        {
            if (_polymorphic)
            {
                return;
            }

            FailEmpty(expected);
        }

        var actual = _stack[--_height];
        if (actual != expected && actual != Unknown && expected != Unknown)
        {
            FailMismatch(expected, actual);
        }
    }

    private void Pop(ValType[] types)
    {
        for (var i = types.Length - 1; i >= 0; i--)
        {
            Pop(types[i]);
        }
    }

    private ValType PopReference()
    {
        var actual = Pop();
        if (actual != Unknown && !ValTypes.IsReference(actual))
        {
            Fail($"type mismatch: expected a reference, found {Name(actual)}");
        }

        return actual;
    }

    private void PushFrame(Opcode kind, ValType[] startTypes, ValType[] endTypes)
    {
        if (_frameCount == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_frameCount++] = new ControlFrame
        {
            Kind = kind,
            StartTypes = startTypes,
            EndTypes = endTypes,
            Height = _height,
            Unreachable = false,
        };
        _floor = _height;
        _polymorphic = false;
        Push(startTypes);
    }

    private ControlFrame PopFrame()
    {
        var frame = _frames[_frameCount - 1];
        Pop(frame.EndTypes);
        if (_height != frame.Height)
        {
            Fail($"type mismatch: {_height - frame.Height} extra value(s) on the operand stack at the end of the block (expected [{Names(frame.EndTypes)}])");
        }

        _frameCount--;
        if (_frameCount > 0)
        {
            ref var top = ref _frames[_frameCount - 1];
            _floor = top.Height;
            _polymorphic = top.Unreachable;
        }

        return frame;
    }

    private void MarkUnreachable()
    {
        ref var frame = ref _frames[_frameCount - 1];
        _height = frame.Height;
        frame.Unreachable = true;
        _polymorphic = true;
    }

    private ref ControlFrame Label(uint depth)
    {
        if (depth >= (uint)_frameCount)
        {
            Fail($"unknown label {depth}");
        }

        return ref _frames[_frameCount - 1 - (int)depth];
    }

    private static string Name(ValType type) => type == Unknown ? "unknown" : ValTypes.Name(type);

    private static string Names(ValType[] types) => string.Join(' ', Array.ConvertAll(types, Name));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FailEmpty(ValType expected) =>
        Fail(expected == Unknown
            ? "type mismatch: expected a value, found nothing (the operand stack is empty)"
            : $"type mismatch: expected {Name(expected)}, found nothing (the operand stack is empty)");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FailMismatch(ValType expected, ValType actual) =>
        Fail($"type mismatch: expected {Name(expected)}, found {Name(actual)}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fail(string reason) =>
        throw new WasmValidationException(reason, _functionIndex, _offset, OpcodeInfo.Mnemonic(_opcode));
}
