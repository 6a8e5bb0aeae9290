using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Spindle.Wasm.Binary;

/// <summary>
/// Forward-only reader over module bytes with LEB128, names and the spec's malformed-input rules. Positions are
/// absolute offsets into the whole module so errors can name them. Reads never go past <see cref="End"/>.
/// </summary>
internal ref partial struct WasmReader
{
    private const string UnexpectedEnd = "unexpected end";
    private const string UnexpectedEndOfSection = "unexpected end of section or function";

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _end;

    /// <summary>Creates a reader over <c>data[start..end]</c>; <paramref name="data"/> is the whole module.</summary>
    public WasmReader(ReadOnlySpan<byte> data, int start, int end, string section)
    {
        _data = data;
        _position = start;
        _end = end;
        Section = section;
    }

    /// <summary>Name of the section being read, for error messages.</summary>
    public string Section { get; set; }

    /// <summary>Absolute offset of the next byte.</summary>
    public readonly int Position => _position;

    /// <summary>Absolute offset just past the last readable byte.</summary>
    public readonly int End => _end;

    public readonly int Remaining => _end - _position;

    public readonly bool IsAtEnd => _position >= _end;

    /// <summary>Whether running out of bytes is the whole module ending at top level ("unexpected end").</summary>
    public bool TopLevel { get; set; }

    /// <summary>Added to positions in error messages when the span is a slice of the module.</summary>
    public int Bias { get; set; }

    /// <summary>The whole module.</summary>
    public readonly ReadOnlySpan<byte> Data => _data;

    /// <summary>Restricts reading to end at <paramref name="end"/> (a sub-range such as one function body).</summary>
    public void SetEnd(int end) => _end = end;

    public void Seek(int position) => _position = position;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if (_position >= _end)
        {
            ThrowEnd();
        }

        return _data[_position++];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly byte PeekByte()
    {
        if (_position >= _end)
        {
            ThrowEnd();
        }

        return _data[_position];
    }

    /// <summary>
    /// Reads a vector length and checks it against the bytes left, given each element takes at least
    /// <paramref name="minElementSize"/> bytes, so a huge declared count can never cause a huge allocation.
    /// </summary>
    public int ReadCount(int minElementSize = 1)
    {
        var count = ReadU32();
        if ((ulong)count * (ulong)minElementSize > (ulong)(_end - _position))
        {
            // The spec interpreter runs off the end while reading elements; report it the same way.
            _position = _end;
            ThrowEnd();
        }

        return (int)count;
    }

    /// <summary>Reads a byte-length prefix and returns the start of that many bytes, which are skipped.</summary>
    public int ReadLengthPrefixed(out int length)
    {
        var start = _position;
        var n = ReadU32();
        if (n > (uint)(_end - _position))
        {
            Throw("length out of bounds", start);
        }

        length = (int)n;
        var at = _position;
        _position += length;
        return at;
    }

    /// <summary>Reads a name: a length-prefixed, valid UTF-8 string.</summary>
    public string ReadName()
    {
        var at = ReadLengthPrefixed(out var length);
        var bytes = _data.Slice(at, length);
        if (!Utf8.IsValid(bytes))
        {
            Throw("malformed UTF-8 encoding", at);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public ValType ReadValType()
    {
        var at = _position;
        var b = ReadByte();
        switch (b)
        {
            case (byte)ValType.I32:
            case (byte)ValType.I64:
            case (byte)ValType.F32:
            case (byte)ValType.F64:
            case (byte)ValType.FuncRef:
            case (byte)ValType.ExternRef:
                return (ValType)b;
            case (byte)ValType.V128:
                Throw("SIMD (v128) is not supported", at);
                return default;
            default:
                Throw("malformed value type", at);
                return default;
        }
    }

    public ValType ReadRefType()
    {
        var at = _position;
        var b = ReadByte();
        if (b is not ((byte)ValType.FuncRef or (byte)ValType.ExternRef))
        {
            Throw("malformed reference type", at);
        }

        return (ValType)b;
    }

    public Limits ReadLimits()
    {
        var at = _position;
        var flags = ReadByte();
        switch (flags)
        {
            case 0x00:
                return new Limits(ReadU32(), null);
            case 0x01:
                var min = ReadU32();
                return new Limits(min, ReadU32());
            default:
                // Flags are a one-byte LEB128 in the spec interpreter: longer encodings are "too long".
                Throw((flags & 0x80) != 0 ? "integer representation too long" : "integer too large", at);
                return default;
        }
    }

    [DoesNotReturn]
    public readonly void Throw(string reason, int offset) => throw new WasmDecodeException(reason, offset + (long)Bias, Section);

    [DoesNotReturn]
    public readonly void ThrowEnd() =>
        throw new WasmDecodeException(TopLevel ? UnexpectedEnd : UnexpectedEndOfSection, _position + (long)Bias, Section);
}
