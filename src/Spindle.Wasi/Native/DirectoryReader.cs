using System.Buffers;
using System.Buffers.Binary;
using Spindle.Wasi.Abi;

namespace Spindle.Wasi.Native;

/// <summary>One entry of a directory listing: the name's raw bytes, its inode and type.</summary>
internal readonly record struct DirectoryListingEntry(byte[] Name, ulong Ino, FileType Type);

/// <summary>Lists a directory through its descriptor with getdents64 (no path, so nothing to redirect).</summary>
internal static class DirectoryReader
{
    /// <summary>Every entry but "." and "..", sorted by name bytes (so fd_readdir cookies stay stable between calls); 0 or a host errno.</summary>
    public static unsafe int Read(int dirFd, out List<DirectoryListingEntry> entries)
    {
        entries = [];
        var fd = Libc.OpenAt(dirFd, ".", Libc.ORdOnly | Libc.ODirectory | Libc.OCloexec, 0);
        if (fd < 0)
        {
            return Libc.Errno;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(32 * 1024);
        try
        {
            fixed (byte* p = buffer)
            {
                while (true)
                {
                    var n = Libc.GetDents64(fd, p, (nuint)buffer.Length);
                    if (n < 0)
                    {
                        return Libc.Errno;
                    }

                    if (n == 0)
                    {
                        break;
                    }

                    Parse(dirFd, buffer.AsSpan(0, (int)n), entries);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _ = Libc.Close(fd);
        }

        entries.Sort(static (a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
        return 0;
    }

    // struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
    private static void Parse(int dirFd, ReadOnlySpan<byte> records, List<DirectoryListingEntry> entries)
    {
        while (records.Length >= 20)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(records[16..]);
            var nameBytes = records[19..length];
            nameBytes = nameBytes[..Math.Max(0, nameBytes.IndexOf((byte)0))];
            if (!nameBytes.SequenceEqual("."u8) && !nameBytes.SequenceEqual(".."u8))
            {
                var ino = BinaryPrimitives.ReadUInt64LittleEndian(records);
                var type = TypeOf(records[18]);
                var name = nameBytes.ToArray();
                if (type is null)
                {
                    // DT_UNKNOWN: some file systems leave the type to stat.
                    type = FileStatus.FromAt(dirFd, System.Text.Encoding.UTF8.GetString(name), out var status) == 0 ? status.Type : FileType.Unknown;
                }

                entries.Add(new DirectoryListingEntry(name, ino, type.Value));
            }

            records = records[length..];
        }
    }

    private static FileType? TypeOf(byte type) => type switch
    {
        0 => null,
        2 => FileType.CharacterDevice,
        4 => FileType.Directory,
        6 => FileType.BlockDevice,
        8 => FileType.RegularFile,
        10 => FileType.SymbolicLink,
        12 => FileType.SocketStream,
        _ => FileType.Unknown,
    };
}
