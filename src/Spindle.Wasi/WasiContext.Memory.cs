using System.Buffers.Binary;
using Spindle.Wasi.Abi;
using Spindle.Wasi.Sandbox;

namespace Spindle.Wasi;

/// <summary>Bounds-checked guest memory access: a pointer outside the memory is EFAULT, never host memory.</summary>
public sealed partial class WasiContext
{
    private Span<byte> Bytes(int pointer, int length)
    {
        var memory = Memory ?? throw new WasiErrnoException(Errno.Fault);
        var address = (ulong)(uint)pointer;
        var size = (ulong)(uint)length;
        if (address + size > (ulong)memory.Length || size > int.MaxValue)
        {
            throw new WasiErrnoException(Errno.Fault);
        }

        return memory.GetSpan((long)address, (int)size);
    }

    private int ReadU32(int pointer) => BinaryPrimitives.ReadInt32LittleEndian(Bytes(pointer, 4));

    private void WriteU32(int pointer, int value) => BinaryPrimitives.WriteInt32LittleEndian(Bytes(pointer, 4), value);

    private void WriteU64(int pointer, long value) => BinaryPrimitives.WriteInt64LittleEndian(Bytes(pointer, 8), value);

    private string ReadPath(int pointer, int length)
    {
        var error = PathResolver.Decode(Bytes(pointer, length), out var path);
        return error == Errno.Success ? path : throw new WasiErrnoException(error);
    }

    /// <summary>Checks an iovec/ciovec array and every buffer it names; returns the array's bytes (8 per entry).</summary>
    private Span<byte> IoVecs(int iovs, int count)
    {
        if ((uint)count > int.MaxValue / 8)
        {
            throw new WasiErrnoException(Errno.Inval);
        }

        var table = Bytes(iovs, count * 8);
        for (var i = 0; i < count; i++)
        {
            _ = Bytes(BinaryPrimitives.ReadInt32LittleEndian(table[(i * 8)..]), BinaryPrimitives.ReadInt32LittleEndian(table[(i * 8 + 4)..]));
        }

        return table;
    }

    private T Entry<T>(int fd, Rights required)
        where T : FdEntry
    {
        var entry = _fds.Get(fd) ?? throw new WasiErrnoException(Errno.Badf);
        if (entry is not T typed)
        {
            throw new WasiErrnoException(entry is DirectoryEntry ? Errno.IsDir : typeof(T) == typeof(DirectoryEntry) ? Errno.NotDir : Errno.Badf);
        }

        return typed.Has(required) ? typed : throw new WasiErrnoException(Missing(required));
    }

    private FdEntry Entry(int fd, Rights required)
    {
        var entry = _fds.Get(fd) ?? throw new WasiErrnoException(Errno.Badf);
        return entry.Has(required) ? entry : throw new WasiErrnoException(Missing(required));
    }

    /// <summary>
    /// The errno for a missing right, as wasmtime and wasi-testsuite expect: EPERM for a path operation the directory
    /// may not do (wasi-filesystem's "not-permitted"), EBADF for an fd operation (POSIX's "not open for that").
    /// </summary>
    private static Errno Missing(Rights required) => (required & RightSets.Path) != 0 ? Errno.Perm : Errno.Badf;
}
