using System.Runtime.InteropServices;

namespace Spindle.Wasi.Native;

/// <summary>
/// The POSIX calls WASI maps onto. Called directly rather than through System.IO so the guest gets POSIX
/// semantics (rename over a file, hard links, O_NOFOLLOW, nanosecond times) and an errno, never host exception text.
/// Guest paths only ever reach the *at calls (Libc.At.cs), one component at a time.
/// </summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const long UtimeNow = (1L << 30) - 1;
    public const long UtimeOmit = (1L << 30) - 2;
    public const int FSetFl = 4;

    public const int ORdOnly = 0, OWrOnly = 1, ORdWr = 2, OCreat = 0x40, OExcl = 0x80, OTrunc = 0x200, OAppend = 0x400,
        ONonBlock = 0x800, ODsync = 0x1000, OSync = 0x101000, OCloexec = 0x80000;

    // O_DIRECTORY and O_NOFOLLOW differ between x86-64 and the generic (arm64) Linux ABI.
    public static readonly int ODirectory = IsX64 ? 0x10000 : 0x4000;
    public static readonly int ONoFollow = IsX64 ? 0x20000 : 0x8000;

    public static bool IsX64 => RuntimeInformation.ProcessArchitecture is Architecture.X64;

    public static int Errno => Marshal.GetLastPInvokeError();

    [LibraryImport(Lib, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "pread", SetLastError = true)]
    public static partial nint PRead(int fd, byte* buffer, nint count, long offset);

    [LibraryImport(Lib, EntryPoint = "pwrite", SetLastError = true)]
    public static partial nint PWrite(int fd, byte* buffer, nint count, long offset);

    [LibraryImport(Lib, EntryPoint = "lseek", SetLastError = true)]
    public static partial long LSeek(int fd, long offset, int whence);

    [LibraryImport(Lib, EntryPoint = "fstat", SetLastError = true)]
    public static partial int FStat(int fd, byte* statBuffer);

    [LibraryImport(Lib, EntryPoint = "fstatat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int FStatAt(int dirFd, string path, byte* statBuffer, int flags);

    [LibraryImport(Lib, EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int FTruncate(int fd, long length);

    [LibraryImport(Lib, EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int fd);

    [LibraryImport(Lib, EntryPoint = "fdatasync", SetLastError = true)]
    public static partial int FDataSync(int fd);

    /// <summary>Returns the error number (0 on success) instead of setting errno.</summary>
    [LibraryImport(Lib, EntryPoint = "posix_fallocate")]
    public static partial int PosixFAllocate(int fd, long offset, long length);

    /// <summary>Returns the error number (0 on success) instead of setting errno.</summary>
    [LibraryImport(Lib, EntryPoint = "posix_fadvise")]
    public static partial int PosixFAdvise(int fd, long offset, long length, int advice);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int FcntlSet(int fd, int command, int argument);

    [LibraryImport(Lib, EntryPoint = "futimens", SetLastError = true)]
    public static partial int FUtimens(int fd, long* times);

    [LibraryImport(Lib, EntryPoint = "utimensat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int UtimensAt(int dirFd, string path, long* times, int flags);

    /// <summary>poll(2) over <c>struct pollfd { int fd; short events; short revents; }</c> entries (8 bytes each).</summary>
    [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(long* fds, nuint count, int timeoutMilliseconds);

    public const short PollIn = 0x1, PollOut = 0x4, PollErr = 0x8, PollHup = 0x10, PollNval = 0x20;

    [LibraryImport(Lib, EntryPoint = "clock_gettime", SetLastError = true)]
    public static partial int ClockGetTime(int clockId, long* timespec);

    [LibraryImport(Lib, EntryPoint = "clock_getres", SetLastError = true)]
    public static partial int ClockGetRes(int clockId, long* timespec);
}
