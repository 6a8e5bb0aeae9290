using System.Buffers.Binary;
using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;
using Spindle.Wasi.Sandbox;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>fd_* functions about descriptors themselves: close, renumber, stat, flags, rights, sync, advise, prestat.</summary>
public sealed partial class WasiContext
{
    private static void DefineFd(Linker linker, WasiContext? bound)
    {
        linker.DefineFunction(ModuleName, "fd_advise", (Caller caller, int fd, long offset, long length, int advice) =>
        {
            var w = Enter(caller, bound);
            try { return (int)w.FdAdvise(fd, offset, length, advice); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        linker.DefineFunction(ModuleName, "fd_allocate", (Caller caller, int fd, long offset, long length) =>
        {
            var w = Enter(caller, bound);
            try { return (int)w.FdAllocate(fd, offset, length); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        Def(linker, bound, "fd_close", static (w, fd) => w.FdClose(fd));
        Def(linker, bound, "fd_datasync", static (w, fd) => w.Sync(fd, Rights.FdDatasync));
        Def(linker, bound, "fd_sync", static (w, fd) => w.Sync(fd, Rights.FdSync));
        Def(linker, bound, "fd_fdstat_get", static (w, fd, pointer) => w.FdFdstatGet(fd, pointer));
        Def(linker, bound, "fd_fdstat_set_flags", static (w, fd, flags) => w.FdFdstatSetFlags(fd, flags));
        linker.DefineFunction(ModuleName, "fd_fdstat_set_rights", (Caller caller, int fd, long rightsBase, long rightsInheriting) =>
        {
            var w = Enter(caller, bound);
            try { return (int)w.FdFdstatSetRights(fd, (Rights)rightsBase, (Rights)rightsInheriting); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        Def(linker, bound, "fd_filestat_get", static (w, fd, pointer) => w.FdFilestatGet(fd, pointer));
        linker.DefineFunction(ModuleName, "fd_filestat_set_size", (Caller caller, int fd, long size) =>
        {
            var w = Enter(caller, bound);
            try { return (int)w.FdFilestatSetSize(fd, size); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        linker.DefineFunction(ModuleName, "fd_filestat_set_times", (Caller caller, int fd, long atim, long mtim, int flags) =>
        {
            var w = Enter(caller, bound);
            try { return (int)w.FdFilestatSetTimes(fd, atim, mtim, (FstFlags)flags); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        Def(linker, bound, "fd_prestat_get", static (w, fd, pointer) => w.FdPrestatGet(fd, pointer));
        Def(linker, bound, "fd_prestat_dir_name", static (w, fd, pointer, length) => w.FdPrestatDirName(fd, pointer, length));
        Def(linker, bound, "fd_renumber", static (w, from, to) => w.FdRenumber(from, to));
        DefineFdIo(linker, bound);
    }

    private Errno FdAdvise(int fd, long offset, long length, int advice)
    {
        var entry = Entry(fd, Rights.FdAdvise);
        if (advice is < 0 or > 5 || offset < 0 || length < 0)
        {
            return Errno.Inval;
        }

        // WASI's advice numbers (normal, sequential, random, willneed, dontneed, noreuse) match Linux's.
        return entry is NativeEntry native ? HostErrno.ToWasi(Libc.PosixFAdvise(native.NativeFd, offset, length, advice)) : Errno.Success;
    }

    private Errno FdAllocate(int fd, long offset, long length)
    {
        var entry = Entry<NativeEntry>(fd, Rights.FdAllocate);
        return offset < 0 || length <= 0 ? Errno.Inval : HostErrno.ToWasi(Libc.PosixFAllocate(entry.NativeFd, offset, length));
    }

    private Errno FdClose(int fd)
    {
        var entry = _fds.Remove(fd);
        if (entry is null)
        {
            return Errno.Badf;
        }

        entry.Close();
        return Errno.Success;
    }

    private Errno Sync(int fd, Rights right)
    {
        var entry = Entry(fd, right);
        if (entry is not NativeEntry native)
        {
            return entry is StreamEntry stream ? Flush(stream) : Errno.Success;
        }

        var result = right == Rights.FdDatasync ? Libc.FDataSync(native.NativeFd) : Libc.FSync(native.NativeFd);
        return result == 0 ? Errno.Success : HostErrno.Last();
    }

    private static Errno Flush(StreamEntry entry)
    {
        try
        {
            entry.Stream.Flush();
            return Errno.Success;
        }
        catch (IOException)
        {
            return Errno.Io;
        }
    }

    private Errno FdFdstatGet(int fd, int pointer)
    {
        var entry = _fds.Get(fd);
        if (entry is null)
        {
            return Errno.Badf;
        }

        var target = Bytes(pointer, WasiConstants.SizeOfFdstat);
        target.Clear();
        target[0] = (byte)entry.Type;
        BinaryPrimitives.WriteUInt16LittleEndian(target[2..], (ushort)entry.Flags);
        BinaryPrimitives.WriteUInt64LittleEndian(target[8..], (ulong)entry.Base);
        BinaryPrimitives.WriteUInt64LittleEndian(target[16..], (ulong)entry.Inheriting);
        return Errno.Success;
    }

    private Errno FdFdstatSetFlags(int fd, int flags)
    {
        var entry = Entry(fd, Rights.FdFdstatSetFlags);
        var requested = (FdFlags)flags;
        if ((requested & ~(FdFlags.Append | FdFlags.NonBlock)) != 0)
        {
            // The sync flags can only be chosen at path_open time on Linux.
            return Errno.NotSup;
        }

        if (entry is NativeEntry native)
        {
            // Append stays in user space (see fd_write); only non-blocking reaches the host.
            var host = (requested & FdFlags.NonBlock) != 0 ? Libc.ONonBlock : 0;
            if (Libc.FcntlSet(native.NativeFd, Libc.FSetFl, host) != 0)
            {
                return HostErrno.Last();
            }
        }

        entry.Flags = (entry.Flags & ~(FdFlags.Append | FdFlags.NonBlock)) | requested;
        return Errno.Success;
    }

    private Errno FdFdstatSetRights(int fd, Rights rightsBase, Rights rightsInheriting)
    {
        var entry = _fds.Get(fd);
        if (entry is null)
        {
            return Errno.Badf;
        }

        // Rights can only be dropped, never gained.
        if ((rightsBase & ~entry.Base) != 0 || (rightsInheriting & ~entry.Inheriting) != 0)
        {
            return Errno.NotCapable;
        }

        entry.Base = rightsBase;
        entry.Inheriting = rightsInheriting;
        return Errno.Success;
    }

    private Errno FdFilestatGet(int fd, int pointer)
    {
        var entry = Entry(fd, Rights.FdFilestatGet);
        var target = Bytes(pointer, WasiConstants.SizeOfFilestat);
        FileStatus status;
        var error = entry switch
        {
            NativeEntry native => FileStatus.FromFd(native.NativeFd, out status),
            DirectoryEntry directory => FileStatus.FromFd(directory.Fd, out status),
            _ => Zero(entry.Type, out status),
        };
        if (error != 0)
        {
            return HostErrno.ToWasi(error);
        }

        WriteFilestat(target, status);
        return Errno.Success;
    }

    private static int Zero(FileType type, out FileStatus status)
    {
        status = new FileStatus(0, 0, type, 1, 0, 0, 0, 0);
        return 0;
    }

    private static void WriteFilestat(Span<byte> target, in FileStatus status)
    {
        target.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(target, status.Dev);
        BinaryPrimitives.WriteUInt64LittleEndian(target[8..], status.Ino);
        target[16] = (byte)status.Type;
        BinaryPrimitives.WriteUInt64LittleEndian(target[24..], status.NLink);
        BinaryPrimitives.WriteUInt64LittleEndian(target[32..], status.Size);
        BinaryPrimitives.WriteUInt64LittleEndian(target[40..], status.ATim);
        BinaryPrimitives.WriteUInt64LittleEndian(target[48..], status.MTim);
        BinaryPrimitives.WriteUInt64LittleEndian(target[56..], status.CTim);
    }

    private Errno FdFilestatSetSize(int fd, long size)
    {
        var entry = Entry<NativeEntry>(fd, Rights.FdFilestatSetSize);
        return size < 0 ? Errno.Inval : Libc.FTruncate(entry.NativeFd, size) == 0 ? Errno.Success : HostErrno.Last();
    }

    private unsafe Errno FdFilestatSetTimes(int fd, long atim, long mtim, FstFlags flags)
    {
        var entry = Entry(fd, Rights.FdFilestatSetTimes);
        var times = stackalloc long[4];
        if (!TryTimes(atim, mtim, flags, times))
        {
            return Errno.Inval;
        }

        var result = entry switch
        {
            NativeEntry native => Libc.FUtimens(native.NativeFd, times),
            DirectoryEntry directory => Libc.UtimensAt(directory.Fd, ".", times, Libc.AtSymlinkNoFollow),
            _ => 0,
        };
        return result == 0 ? Errno.Success : HostErrno.Last();
    }

    /// <summary>Fills two timespecs for futimens/utimensat from WASI's times and fstflags.</summary>
    private static unsafe bool TryTimes(long atim, long mtim, FstFlags flags, long* times)
    {
        if ((flags & (FstFlags.Atim | FstFlags.AtimNow)) == (FstFlags.Atim | FstFlags.AtimNow) ||
            (flags & (FstFlags.Mtim | FstFlags.MtimNow)) == (FstFlags.Mtim | FstFlags.MtimNow) ||
            ((int)flags & ~0xF) != 0)
        {
            return false;
        }

        Set(times, (flags & FstFlags.AtimNow) != 0, (flags & FstFlags.Atim) != 0, atim);
        Set(times + 2, (flags & FstFlags.MtimNow) != 0, (flags & FstFlags.Mtim) != 0, mtim);
        return true;

        static void Set(long* timespec, bool now, bool given, long value)
        {
            timespec[0] = 0;
            timespec[1] = now ? Libc.UtimeNow : given ? 0 : Libc.UtimeOmit;
            if (given && !now)
            {
                timespec[0] = (long)((ulong)value / 1_000_000_000UL);
                timespec[1] = (long)((ulong)value % 1_000_000_000UL);
            }
        }
    }

    private Errno FdPrestatGet(int fd, int pointer)
    {
        if (_fds.Get(fd) is not DirectoryEntry { PreopenName: { } name })
        {
            return Errno.Badf;
        }

        var target = Bytes(pointer, 8);
        target.Clear();
        BinaryPrimitives.WriteInt32LittleEndian(target[4..], System.Text.Encoding.UTF8.GetByteCount(name));
        return Errno.Success;
    }

    private Errno FdPrestatDirName(int fd, int pointer, int length)
    {
        if (_fds.Get(fd) is not DirectoryEntry { PreopenName: { } name })
        {
            return Errno.Badf;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        if ((uint)length < (uint)bytes.Length)
        {
            return Errno.NameTooLong;
        }

        bytes.CopyTo(Bytes(pointer, bytes.Length));
        return Errno.Success;
    }

    private Errno FdRenumber(int from, int to)
    {
        var entry = _fds.Get(from);
        var replaced = _fds.Get(to);
        if (entry is null || replaced is null)
        {
            return Errno.Badf;
        }

        if (from != to)
        {
            replaced.Close();
            _fds.Set(to, entry);
            _fds.Remove(from);
        }

        return Errno.Success;
    }
}
