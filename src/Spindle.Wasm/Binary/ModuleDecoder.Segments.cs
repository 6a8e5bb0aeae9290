namespace Spindle.Wasm.Binary;

// Element and data sections.
internal sealed partial class ModuleDecoder
{
    private void ReadElementSection(ref WasmReader reader)
    {
        var count = reader.ReadCount();
        var elements = new ElementSegment[count];
        for (var i = 0; i < count; i++)
        {
            elements[i] = ReadElementSegment(ref reader);
        }

        _elements = elements;
    }

    private ElementSegment ReadElementSegment(ref WasmReader reader)
    {
        var at = reader.Position;
        var flags = reader.ReadU32();
        if (flags > 7)
        {
            reader.Throw("malformed elements segment kind", at);
        }

        // Bit 0: passive or declarative (bit 1 picks declarative); bit 1 on an active segment: explicit table index;
        // bit 2: initializers are expressions rather than function indices.
        var mode = (flags & 1) == 0 ? ElementMode.Active : (flags & 2) == 0 ? ElementMode.Passive : ElementMode.Declarative;
        var tableIndex = 0u;
        ConstantExpression? offset = null;
        if (mode == ElementMode.Active)
        {
            if ((flags & 2) != 0)
            {
                tableIndex = reader.ReadU32();
            }

            offset = ReadConstantExpression(ref reader);
        }

        var usesExpressions = (flags & 4) != 0;
        var elementType = ValType.FuncRef;
        if (flags is not 0 and not 4)
        {
            if (usesExpressions)
            {
                elementType = reader.ReadRefType();
            }
            else
            {
                var kindAt = reader.Position;
                if (reader.ReadByte() != 0x00)
                {
                    reader.Throw("malformed element kind", kindAt);
                }
            }
        }

        var n = reader.ReadCount();
        var initializers = new ConstantExpression[n];
        for (var j = 0; j < n; j++)
        {
            if (usesExpressions)
            {
                initializers[j] = ReadConstantExpression(ref reader);
            }
            else
            {
                var indexAt = reader.Position;
                initializers[j] = ConstantExpression.RefFunc(reader.ReadU32(), indexAt);
            }
        }

        return new ElementSegment(mode, tableIndex, offset, elementType, initializers, at);
    }

    private void ReadDataSection(ref WasmReader reader)
    {
        var count = reader.ReadCount();
        var datas = new DataSegment[count];
        for (var i = 0; i < count; i++)
        {
            var at = reader.Position;
            var flags = reader.ReadU32();
            var memoryIndex = 0u;
            ConstantExpression? offset = null;
            DataMode mode;
            switch (flags)
            {
                case 0:
                    mode = DataMode.Active;
                    offset = ReadConstantExpression(ref reader);
                    break;
                case 1:
                    mode = DataMode.Passive;
                    break;
                case 2:
                    mode = DataMode.Active;
                    memoryIndex = reader.ReadU32();
                    offset = ReadConstantExpression(ref reader);
                    break;
                default:
                    reader.Throw("malformed data segment kind", at);
                    return;
            }

            var dataOffset = ReadLengthPrefixedInSection(ref reader, out var length);
            datas[i] = new DataSegment(mode, memoryIndex, offset, dataOffset, length, at);
        }

        _datas = datas;
    }

    // Byte vectors that run past the section are reported like the spec interpreter, which reads past the end.
    private static int ReadLengthPrefixedInSection(ref WasmReader reader, out int length)
    {
        var n = reader.ReadU32();
        if (n > (uint)reader.Remaining)
        {
            reader.Seek(reader.End);
            reader.ThrowEnd();
        }

        length = (int)n;
        var at = reader.Position;
        reader.Seek(at + length);
        return at;
    }
}
