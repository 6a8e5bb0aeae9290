using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Binary;

/// <summary>
/// Reads the instructions of one function body (or constant expression) with their immediates. Malformed input
/// throws <see cref="WasmDecodeException"/>; the decoder runs this reader over every body once, so later stages
/// reading a decoded module never see a malformed instruction.
/// </summary>
internal ref struct InstructionReader
{
    private WasmReader _reader;

    /// <summary>Reads <paramref name="body"/>, which starts at <paramref name="baseOffset"/> in the module.</summary>
    public InstructionReader(ReadOnlySpan<byte> body, int baseOffset)
    {
        // WasmReader works with absolute offsets; shift the span's origin so offsets stay absolute.
        _reader = new WasmReader(body, 0, body.Length, "code") { Bias = baseOffset };
        BaseOffset = baseOffset;
    }

    /// <summary>Reads <c>module[start..end]</c> of the whole module (offsets are absolute).</summary>
    public InstructionReader(ReadOnlySpan<byte> module, int start, int end)
    {
        _reader = new WasmReader(module, start, end, "code");
        BaseOffset = 0;
    }

    /// <summary>Absolute module offset of index 0 of the span being read.</summary>
    public int BaseOffset { get; }

    /// <summary>Absolute offset of the next instruction.</summary>
    public readonly int Position => _reader.Position + BaseOffset;

    public readonly bool IsAtEnd => _reader.IsAtEnd;

    /// <summary>Section name used in decode errors.</summary>
    public string Section
    {
        readonly get => _reader.Section;
        set => _reader.Section = value;
    }

    /// <summary>Reads the next instruction; false at the end of the body.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Read(out Instruction instruction)
    {
        if (_reader.IsAtEnd)
        {
            instruction = default;
            return false;
        }

        ReadNext(out instruction);
        return true;
    }

    /// <summary>Reads the <c>br_table</c> targets (without the default) of an instruction read by this reader.</summary>
    public readonly void ReadBrTableTargets(in Instruction instruction, Span<uint> targets) =>
        ReadBrTableTargets(_reader.Data, instruction.BrTableStart - BaseOffset, instruction.BrTableCount, targets);

    /// <summary>Reads <c>br_table</c> targets from the whole module bytes (absolute <see cref="Instruction.BrTableStart"/>).</summary>
    public static void ReadBrTableTargets(ReadOnlySpan<byte> module, in Instruction instruction, Span<uint> targets) =>
        ReadBrTableTargets(module, instruction.BrTableStart, instruction.BrTableCount, targets);

    private static void ReadBrTableTargets(ReadOnlySpan<byte> data, int start, int count, Span<uint> targets)
    {
        var reader = new WasmReader(data, start, data.Length, "code");
        for (var i = 0; i < count; i++)
        {
            targets[i] = reader.ReadU32();
        }
    }

    private void ReadNext(out Instruction ins)
    {
        ins = default;
        var at = _reader.Position;
        ins.Offset = at + BaseOffset;
        var code = _reader.ReadByte();
        ins.Opcode = (Opcode)code;
        switch (code)
        {
            case 0x02 or 0x03 or 0x04:
                ins.BlockType = ReadBlockType();
                break;
            case 0x0C or 0x0D or 0x10 or 0x20 or 0x21 or 0x22 or 0x23 or 0x24 or 0x25 or 0x26 or 0xD2:
                ins.Index = _reader.ReadU32();
                break;
            case 0x0E:
                ReadBrTable(ref ins);
                break;
            case 0x11:
                ins.Index = _reader.ReadU32();
                ins.Index2 = _reader.ReadU32();
                break;
            case 0x1C:
                ReadSelectTypes(ref ins);
                break;
            case >= 0x28 and <= 0x3E:
                ReadMemArg(ref ins);
                break;
            case 0x3F or 0x40:
                ins.Index = ReadZeroByte();
                break;
            case 0x41:
                ins.Value = (ulong)(long)_reader.ReadS32();
                break;
            case 0x42:
                ins.Value = (ulong)_reader.ReadS64();
                break;
            case 0x43:
                ins.Value = _reader.ReadFixed32();
                break;
            case 0x44:
                ins.Value = _reader.ReadFixed64();
                break;
            case 0xD0:
                ins.ValueType = _reader.ReadRefType();
                break;
            case 0xFC:
                ReadPrefixed(ref ins, at);
                break;
            case 0xFD:
                _reader.Throw("SIMD instructions are not supported", at);
                break;
            default:
                if (!OpcodeInfo.IsDefinedOneByte(code))
                {
                    _reader.Throw("illegal opcode", at);
                }

                break;
        }
    }

    private BlockType ReadBlockType()
    {
        var at = _reader.Position;
        var b = _reader.PeekByte();
        if (b == 0x40)
        {
            _reader.ReadByte();
            return BlockType.Empty;
        }

        if (b >= 0x40 && b < 0x80)
        {
            // A negative single-byte s33 is a value type.
            return new BlockType(BlockTypeKind.Value, _reader.ReadValType(), 0);
        }

        var index = _reader.ReadS33();
        if (index < 0)
        {
            _reader.Throw("malformed block type", at);
        }

        if (index > uint.MaxValue)
        {
            _reader.Throw("integer too large", at);
        }

        return new BlockType(BlockTypeKind.TypeIndex, default, (uint)index);
    }

    private void ReadBrTable(ref Instruction ins)
    {
        var count = _reader.ReadCount();
        ins.BrTableStart = _reader.Position + BaseOffset;
        ins.BrTableCount = count;
        for (var i = 0; i < count; i++)
        {
            _reader.ReadU32();
        }

        ins.Index = _reader.ReadU32();
    }

    private void ReadSelectTypes(ref Instruction ins)
    {
        var count = _reader.ReadCount();
        ins.Index = (uint)count;
        for (var i = 0; i < count; i++)
        {
            var type = _reader.ReadValType();
            if (i == 0)
            {
                ins.ValueType = type;
            }
        }
    }

    private void ReadMemArg(ref Instruction ins)
    {
        var at = _reader.Position;
        var align = _reader.ReadU32();

        // Wasm 2.0 has one memory: larger flags would be the multi-memory/memory64 encodings.
        if (align >= 32)
        {
            _reader.Throw("malformed memop flags", at);
        }

        ins.MemAlign = align;
        ins.MemOffset = _reader.ReadU32();
    }

    private uint ReadZeroByte()
    {
        var at = _reader.Position;
        if (_reader.ReadByte() != 0)
        {
            _reader.Throw("zero byte expected", at);
        }

        return 0;
    }

    private void ReadPrefixed(ref Instruction ins, int at)
    {
        var sub = _reader.ReadU32();
        if (!OpcodeInfo.IsDefinedPrefixed(sub))
        {
            _reader.Throw("illegal opcode", at);
        }

        ins.Opcode = (Opcode)(0xFC00 | sub);
        switch (ins.Opcode)
        {
            case Opcode.MemoryInit:
                ins.Index = _reader.ReadU32();
                ins.Index2 = ReadZeroByte();
                break;
            case Opcode.DataDrop or Opcode.ElemDrop or Opcode.TableGrow or Opcode.TableSize or Opcode.TableFill:
                ins.Index = _reader.ReadU32();
                break;
            case Opcode.MemoryCopy:
                ins.Index = ReadZeroByte();
                ins.Index2 = ReadZeroByte();
                break;
            case Opcode.MemoryFill:
                ins.Index = ReadZeroByte();
                break;
            case Opcode.TableInit:
                ins.Index = _reader.ReadU32();
                ins.Index2 = _reader.ReadU32();
                break;
            case Opcode.TableCopy:
                ins.Index = _reader.ReadU32();
                ins.Index2 = _reader.ReadU32();
                break;
        }
    }
}
