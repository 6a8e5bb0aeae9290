using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Spindle.Wasm.Runtime;

namespace Spindle.Wasm;

/// <summary>
/// A linear memory. Backed by a managed array whose capacity grows geometrically (so repeated <c>memory.grow</c>
/// stays linear overall); compiled code caches the array reference and the byte length in locals.
/// </summary>
public sealed class Memory
{
    public const int PageSize = 65_536;

    /// <summary>The largest page count a .NET byte array can hold.</summary>
    internal const uint MaxArrayPages = 32_767;

    // Read by compiled code: the backing array (capacity >= ByteLength) and the current size in bytes.
    internal byte[] Buffer;
    internal ulong ByteLength;

    private readonly uint _maxPages;

    public Memory(Store store, MemoryType type)
        : this(store.Engine.Options, type)
    {
    }

    internal Memory(EngineOptions options, MemoryType type, MemoryPool? pool = null)
    {
        var limits = type.Limits;
        DeclaredMax = limits.Max;
        _maxPages = Math.Min(Math.Min(limits.Max ?? 65_536u, options.MaxMemoryPages), MaxArrayPages);
        if (limits.Min > _maxPages)
        {
            throw new ArgumentOutOfRangeException(nameof(type), limits.Min, $"memory of {limits.Min} pages exceeds the engine limit of {_maxPages} pages; raise EngineOptions.MaxMemoryPages or lower the module's minimum");
        }

        ByteLength = (ulong)limits.Min * PageSize;
        Buffer = pool is not null ? pool.Rent((int)ByteLength) : ByteLength == 0 ? [] : new byte[ByteLength];
    }

    /// <summary>The maximum from the memory type, if any.</summary>
    public uint? DeclaredMax { get; }

    /// <summary>The current type: the current size as minimum and the declared maximum (used for import matching).</summary>
    public MemoryType Type => new(new Limits(Pages, DeclaredMax));

    /// <summary>Current size in pages.</summary>
    public uint Pages => (uint)(ByteLength / PageSize);

    /// <summary>Current size in bytes.</summary>
    public long Length => (long)ByteLength;

    /// <summary>Grows by <paramref name="delta"/> pages; returns the old size in pages, or -1 when the limit is reached.</summary>
    public long Grow(uint delta)
    {
        var old = Pages;
        if (delta == 0)
        {
            return old;
        }

        var pages = (ulong)old + delta;
        if (pages > _maxPages)
        {
            return -1;
        }

        var bytes = pages * PageSize;
        if (bytes > (ulong)Buffer.Length)
        {
            var capacity = Math.Max(bytes, Math.Min((ulong)Buffer.Length * 2, (ulong)_maxPages * PageSize));
            byte[] next;
            try
            {
                next = new byte[capacity];
            }
            catch (OutOfMemoryException)
            {
                return -1;
            }

            Buffer.AsSpan(0, (int)ByteLength).CopyTo(next);
            Buffer = next;
        }

        ByteLength = bytes;
        return old;
    }

    /// <summary>The whole memory (memories over 2 GiB expose their first 2 GiB).</summary>
    public Span<byte> GetSpan() => Buffer.AsSpan(0, (int)Math.Min(ByteLength, int.MaxValue));

    /// <summary>A bounds-checked range of the memory.</summary>
    public Span<byte> GetSpan(long address, int length)
    {
        Check(address, length);
        return Buffer.AsSpan((int)address, length);
    }

    public byte ReadByte(long address) => GetSpan(address, 1)[0];

    public void WriteByte(long address, byte value) => GetSpan(address, 1)[0] = value;

    public int ReadInt32(long address) => BinaryPrimitives.ReadInt32LittleEndian(GetSpan(address, 4));

    public void WriteInt32(long address, int value) => BinaryPrimitives.WriteInt32LittleEndian(GetSpan(address, 4), value);

    public long ReadInt64(long address) => BinaryPrimitives.ReadInt64LittleEndian(GetSpan(address, 8));

    public void WriteInt64(long address, long value) => BinaryPrimitives.WriteInt64LittleEndian(GetSpan(address, 8), value);

    public float ReadSingle(long address) => BinaryPrimitives.ReadSingleLittleEndian(GetSpan(address, 4));

    public void WriteSingle(long address, float value) => BinaryPrimitives.WriteSingleLittleEndian(GetSpan(address, 4), value);

    public double ReadDouble(long address) => BinaryPrimitives.ReadDoubleLittleEndian(GetSpan(address, 8));

    public void WriteDouble(long address, double value) => BinaryPrimitives.WriteDoubleLittleEndian(GetSpan(address, 8), value);

    /// <summary>Reads <paramref name="length"/> bytes of UTF-8 at <paramref name="address"/>.</summary>
    public string ReadString(long address, int length) => System.Text.Encoding.UTF8.GetString(GetSpan(address, length));

    /// <summary>Hands the buffer back to the pool; the memory is empty afterwards, so stale users trap instead of seeing reused bytes.</summary>
    internal void Release(MemoryPool pool)
    {
        var buffer = Buffer;
        var used = (int)ByteLength;
        Buffer = [];
        ByteLength = 0;
        pool.Return(buffer, used);
    }

    internal ref byte Base => ref MemoryMarshal.GetArrayDataReference(Buffer);

    private void Check(long address, int length)
    {
        if (address < 0 || length < 0 || (ulong)address + (ulong)length > ByteLength)
        {
            Trap.Throw(TrapKind.MemoryOutOfBounds);
        }
    }
}
