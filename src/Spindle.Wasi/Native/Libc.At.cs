using System.Runtime.InteropServices;

namespace Spindle.Wasi.Native;

/// <summary>
/// The *at calls: every guest path operation names one component relative to a directory descriptor that
/// <see cref="Sandbox.PathResolver"/> opened inside the preopen, so the host never resolves a guest path itself.
/// </summary>
internal static unsafe partial class Libc
{
    public const int OPath = 0x200000;
    public const int AtRemoveDir = 0x200;

    /// <summary>openat2(2), Linux 5.6+; the same number on every architecture.</summary>
    private const long SysOpenAt2 = 437;

    public const ulong ResolveNoMagicLinks = 0x02, ResolveNoSymlinks = 0x04, ResolveBeneath = 0x08;

    /// <summary>Flags for a directory opened only to resolve names under it: never follows a final symlink.</summary>
    public static int OPathDirectory => OPath | ODirectory | ONoFollow | OCloexec;

    [LibraryImport(Lib, EntryPoint = "openat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int OpenAt(int dirFd, string name, int flags, int mode);

    [LibraryImport(Lib, EntryPoint = "mkdirat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int MkDirAt(int dirFd, string name, int mode);

    [LibraryImport(Lib, EntryPoint = "unlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int UnlinkAt(int dirFd, string name, int flags);

    [LibraryImport(Lib, EntryPoint = "renameat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int RenameAt(int oldDirFd, string oldName, int newDirFd, string newName);

    [LibraryImport(Lib, EntryPoint = "linkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int LinkAt(int oldDirFd, string oldName, int newDirFd, string newName, int flags);

    [LibraryImport(Lib, EntryPoint = "symlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int SymlinkAt(string target, int dirFd, string name);

    [LibraryImport(Lib, EntryPoint = "readlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint ReadLinkAt(int dirFd, string name, byte* buffer, nint size);

    /// <summary>Linux directory entries (<c>struct linux_dirent64</c>); glibc 2.30+.</summary>
    [LibraryImport(Lib, EntryPoint = "getdents64", SetLastError = true)]
    public static partial nint GetDents64(int fd, byte* buffer, nuint count);

    // syscall(2) is variadic; integer and pointer arguments are passed as for a plain call on x86-64 and arm64 Linux.
    [LibraryImport(Lib, EntryPoint = "syscall", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial long SyscallOpenAt2(long number, int dirFd, string path, OpenHow* how, nuint size);

    /// <summary>openat2 with <paramref name="resolve"/> flags; -1 with errno ENOSYS where the kernel lacks it.</summary>
    public static int OpenAt2(int dirFd, string path, int flags, ulong resolve)
    {
        var how = new OpenHow { Flags = (ulong)flags, Mode = 0, Resolve = resolve };
        return (int)SyscallOpenAt2(SysOpenAt2, dirFd, path, &how, (nuint)sizeof(OpenHow));
    }

    /// <summary>The target of the symbolic link <paramref name="name"/> under <paramref name="dirFd"/> as raw bytes, or null with the errno (EINVAL: not a link).</summary>
    public static byte[]? ReadLinkAtBytes(int dirFd, string name, out int errno)
    {
        const int Size = 4096;
        var buffer = stackalloc byte[Size];
        var n = ReadLinkAt(dirFd, name, buffer, Size);
        if (n < 0)
        {
            errno = Errno;
            return null;
        }

        errno = 0;
        return new ReadOnlySpan<byte>(buffer, (int)n).ToArray();
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }
}
