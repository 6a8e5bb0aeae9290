using System.Buffers.Binary;
using Spindle.Wasi.Abi;

namespace Spindle.Wasi.Native;

/// <summary>The parts of a host <c>struct stat</c> that WASI's <c>filestat</c> carries.</summary>
internal readonly record struct FileStatus(ulong Dev, ulong Ino, FileType Type, ulong NLink, ulong Size, ulong ATim, ulong MTim, ulong CTim)
{
    private const int BufferSize = 256;

    public bool IsDirectory => Type == FileType.Directory;

    public static unsafe int FromFd(int fd, out FileStatus status)
    {
        var buffer = stackalloc byte[BufferSize];
        if (Libc.FStat(fd, buffer) != 0)
        {
            status = default;
            return Libc.Errno;
        }

        status = Parse(new ReadOnlySpan<byte>(buffer, BufferSize));
        return 0;
    }

    /// <summary>fstatat of <paramref name="name"/> under <paramref name="dirFd"/>, never following a final symlink.</summary>
    public static unsafe int FromAt(int dirFd, string name, out FileStatus status)
    {
        var buffer = stackalloc byte[BufferSize];
        if (Libc.FStatAt(dirFd, name, buffer, Libc.AtSymlinkNoFollow) != 0)
        {
            status = default;
            return Libc.Errno;
        }

        status = Parse(new ReadOnlySpan<byte>(buffer, BufferSize));
        return 0;
    }

    // struct stat layouts: x86-64 (dev, ino, nlink:8, mode:4, ...) and the generic one used by arm64 (dev, ino, mode:4, nlink:4, ...).
    private static FileStatus Parse(ReadOnlySpan<byte> b)
    {
        var dev = BinaryPrimitives.ReadUInt64LittleEndian(b);
        var ino = BinaryPrimitives.ReadUInt64LittleEndian(b[8..]);
        ulong nlink;
        uint mode;
        if (Libc.IsX64)
        {
            nlink = BinaryPrimitives.ReadUInt64LittleEndian(b[16..]);
            mode = BinaryPrimitives.ReadUInt32LittleEndian(b[24..]);
        }
        else
        {
            mode = BinaryPrimitives.ReadUInt32LittleEndian(b[16..]);
            nlink = BinaryPrimitives.ReadUInt32LittleEndian(b[20..]);
        }

        var size = BinaryPrimitives.ReadUInt64LittleEndian(b[48..]);
        return new FileStatus(dev, ino, TypeOf(mode), nlink, size, Time(b[72..]), Time(b[88..]), Time(b[104..]));
    }

    private static ulong Time(ReadOnlySpan<byte> timespec) =>
        unchecked((ulong)(BinaryPrimitives.ReadInt64LittleEndian(timespec) * 1_000_000_000L + BinaryPrimitives.ReadInt64LittleEndian(timespec[8..])));

    private static FileType TypeOf(uint mode) => (mode & 0xF000) switch
    {
        0x8000 => FileType.RegularFile,
        0x4000 => FileType.Directory,
        0xA000 => FileType.SymbolicLink,
        0x2000 => FileType.CharacterDevice,
        0x6000 => FileType.BlockDevice,
        0xC000 => FileType.SocketStream,
        _ => FileType.Unknown,
    };
}
