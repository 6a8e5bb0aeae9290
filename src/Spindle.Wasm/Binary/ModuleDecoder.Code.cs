namespace Spindle.Wasm.Binary;

// Code section, constant expressions, and the structural scan of instruction sequences.
internal sealed partial class ModuleDecoder
{
    private const byte FrameBlock = 0;
    private const byte FrameIf = 1;
    private const byte FrameElse = 2;

    // Open block kinds while scanning one instruction sequence; reused across bodies.
    private byte[] _frames = new byte[16];

    private void ReadCodeSection(ref WasmReader reader)
    {
        _sawCodeSection = true;
        var count = reader.ReadCount();
        var codes = new FunctionBody[count];
        for (var i = 0; i < count; i++)
        {
            var bodyStart = ReadLengthPrefixedInSection(ref reader, out var size);
            var body = new WasmReader(_bytes, bodyStart, bodyStart + size, "code");
            codes[i] = ReadFunctionBody(ref body);
        }

        _codes = codes;
    }

    private FunctionBody ReadFunctionBody(ref WasmReader reader)
    {
        var groupCount = reader.ReadCount();
        var groups = groupCount == 0 ? [] : new LocalGroup[groupCount];
        ulong total = 0;
        for (var g = 0; g < groupCount; g++)
        {
            var at = reader.Position;
            var n = reader.ReadU32();
            total += n;
            if (total > MaxLocals)
            {
                reader.Throw("too many locals", at);
            }

            groups[g] = new LocalGroup(n, reader.ReadValType());
        }

        var bodyOffset = reader.Position;
        ScanBody(bodyOffset, reader.End);
        return new FunctionBody(groups, (int)total, bodyOffset, reader.End - bodyOffset);
    }

    private void ScanBody(int start, int end)
    {
        var reader = new InstructionReader(_bytes, start, end);
        var depth = 1;
        _frames[0] = FrameBlock;
        while (true)
        {
            if (!reader.Read(out var instruction))
            {
                var eof = new WasmReader(_bytes, end, end, "code");
                if (end < _bytes.Length)
                {
                    eof.Throw("END opcode expected", end);
                }

                eof.ThrowEnd();
            }

            if (!TrackStructure(in instruction, ref depth))
            {
                if (reader.Position != end)
                {
                    new WasmReader(_bytes, end, end, "code").Throw("section size mismatch", reader.Position);
                }

                return;
            }

            if (instruction.Opcode is Opcode.MemoryInit or Opcode.DataDrop && !_usesDataCount)
            {
                _usesDataCount = true;
                _usesDataCountOffset = instruction.Offset;
            }
        }
    }

    /// <summary>Tracks block nesting; returns false when the instruction is the <c>end</c> closing the sequence.</summary>
    private bool TrackStructure(in Instruction instruction, ref int depth)
    {
        switch (instruction.Opcode)
        {
            case Opcode.Block or Opcode.Loop or Opcode.If:
                if (depth == _frames.Length)
                {
                    Array.Resize(ref _frames, _frames.Length * 2);
                }

                _frames[depth++] = instruction.Opcode == Opcode.If ? FrameIf : FrameBlock;
                return true;
            case Opcode.Else:
                if (_frames[depth - 1] != FrameIf)
                {
                    throw new WasmDecodeException("END opcode expected", instruction.Offset, "code");
                }

                _frames[depth - 1] = FrameElse;
                return true;
            case Opcode.End:
                depth--;
                return depth > 0;
            default:
                return true;
        }
    }

    private ConstantExpression ReadConstantExpression(ref WasmReader reader)
    {
        var instructions = new InstructionReader(_bytes, reader.Position, reader.End) { Section = reader.Section };
        var depth = 1;
        _frames[0] = FrameBlock;
        Instruction first = default;
        var count = 0;
        string? invalid = null;
        var invalidAt = 0;
        string? invalidOpcode = null;
        while (true)
        {
            if (!instructions.Read(out var instruction))
            {
                reader.Seek(reader.End);
                reader.ThrowEnd();
            }

            if (!TrackStructure(in instruction, ref depth))
            {
                if (invalid is null && count != 1)
                {
                    invalid = "type mismatch";
                    invalidAt = instruction.Offset;
                    invalidOpcode = count == 0 ? "end" : OpcodeInfo.Mnemonic(first.Opcode);
                }

                break;
            }

            if (++count == 1)
            {
                first = instruction;
            }

            if (invalid is null && !IsConstantInstruction(instruction.Opcode))
            {
                invalid = "constant expression required";
                invalidAt = instruction.Offset;
                invalidOpcode = OpcodeInfo.Mnemonic(instruction.Opcode);
            }
        }

        reader.Seek(instructions.Position);
        var value = first.Opcode is Opcode.GlobalGet or Opcode.RefFunc ? first.Index : first.Value;
        ValType? refType = first.Opcode == Opcode.RefNull ? first.ValueType : null;
        return new ConstantExpression(first.Opcode, value, refType, first.Offset)
        {
            InvalidReason = invalid,
            InvalidOffset = invalidAt,
            InvalidOpcode = invalidOpcode,
        };
    }

    private static bool IsConstantInstruction(Opcode opcode) =>
        opcode is Opcode.I32Const or Opcode.I64Const or Opcode.F32Const or Opcode.F64Const
            or Opcode.RefNull or Opcode.RefFunc or Opcode.GlobalGet;
}
