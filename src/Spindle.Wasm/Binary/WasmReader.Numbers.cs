using System.Buffers.Binary;

namespace Spindle.Wasm.Binary;

/// <summary>Integers: LEB128 (with the spec's rules on unused bits and overlong encodings) and fixed-width little-endian.</summary>
internal ref partial struct WasmReader
{
    public uint ReadU32()
    {
        var b = ReadByte();
        if (b < 0x80)
        {
            return b;
        }

        return ReadU32Slow(b);
    }

    private uint ReadU32Slow(byte first)
    {
        var start = _position - 1;
        uint result = first & 0x7Fu;
        for (var shift = 7; ; shift += 7)
        {
            var b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x80) != 0)
                {
                    Throw("integer representation too long", start);
                }

                if ((b & 0x70) != 0)
                {
                    Throw("integer too large", start);
                }

                return result | ((uint)b << 28);
            }

            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
    }

    public int ReadS32()
    {
        var start = _position;
        var result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x80) != 0)
                {
                    Throw("integer representation too long", start);
                }

                // The 4 unused bits must sign-extend bit 3 of the last byte.
                var high = b & 0x78;
                if (high != 0 && high != 0x78)
                {
                    Throw("integer too large", start);
                }

                return result | (b << 28);
            }

            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (b & 0x40) != 0 ? result | (-1 << (shift + 7)) : result;
            }
        }
    }

    public long ReadS64()
    {
        var start = _position;
        long result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = ReadByte();
            if (shift == 63)
            {
                if ((b & 0x80) != 0)
                {
                    Throw("integer representation too long", start);
                }

                var high = b & 0x7F;
                if (high != 0 && high != 0x7F)
                {
                    Throw("integer too large", start);
                }

                return result | ((long)b << 63);
            }

            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (b & 0x40) != 0 && shift + 7 < 64 ? result | (-1L << (shift + 7)) : result;
            }
        }
    }

    /// <summary>Reads a signed 33-bit LEB128 (block types).</summary>
    public long ReadS33()
    {
        var start = _position;
        long result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x80) != 0)
                {
                    Throw("integer representation too long", start);
                }

                var high = b & 0x70;
                if (high != 0 && high != 0x70)
                {
                    Throw("integer too large", start);
                }

                result |= (long)(b & 0x7F) << 28;
                return (result << 29) >> 29;
            }

            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (b & 0x40) != 0 ? result | (-1L << (shift + 7)) : result;
            }
        }
    }

    public uint ReadFixed32()
    {
        if (_end - _position < 4)
        {
            _position = _end;
            ThrowEnd();
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(_data.Slice(_position, 4));
        _position += 4;
        return value;
    }

    public ulong ReadFixed64()
    {
        if (_end - _position < 8)
        {
            _position = _end;
            ThrowEnd();
        }

        var value = BinaryPrimitives.ReadUInt64LittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }
}
