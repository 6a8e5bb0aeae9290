namespace Spindle.Wasi.Abi;

/// <summary>witx <c>filetype</c>.</summary>
internal enum FileType : byte
{
    Unknown = 0, BlockDevice = 1, CharacterDevice = 2, Directory = 3, RegularFile = 4, SocketDgram = 5, SocketStream = 6, SymbolicLink = 7,
}

/// <summary>witx <c>fdflags</c>.</summary>
[Flags]
internal enum FdFlags : ushort
{
    None = 0, Append = 1, Dsync = 2, NonBlock = 4, Rsync = 8, Sync = 16,
}

/// <summary>witx <c>oflags</c>.</summary>
[Flags]
internal enum OFlags : ushort
{
    None = 0, Creat = 1, Directory = 2, Excl = 4, Trunc = 8,
}

/// <summary>witx <c>fstflags</c>.</summary>
[Flags]
internal enum FstFlags : ushort
{
    None = 0, Atim = 1, AtimNow = 2, Mtim = 4, MtimNow = 8,
}

/// <summary>witx constants without their own type file.</summary>
internal static class WasiConstants
{
    public const int LookupSymlinkFollow = 1;
    public const int WhenceSet = 0, WhenceCur = 1, WhenceEnd = 2;
    public const int ClockRealtime = 0, ClockMonotonic = 1, ClockProcessCpu = 2, ClockThreadCpu = 3;
    public const byte EventClock = 0, EventFdRead = 1, EventFdWrite = 2;
    public const int SubclockAbstime = 1;
    public const int SizeOfFdstat = 24, SizeOfFilestat = 64, SizeOfDirent = 24, SizeOfSubscription = 48, SizeOfEvent = 32;
}
