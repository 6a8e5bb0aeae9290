using System.Buffers.Binary;
using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;
using Spindle.Wasi.Sandbox;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>fd_read, fd_write, fd_pread, fd_pwrite, fd_seek, fd_tell, fd_readdir: data moves between the host and guest memory directly.</summary>
public sealed partial class WasiContext
{
    private static readonly byte[] Dot = "."u8.ToArray(), DotDot = ".."u8.ToArray();

    private static void DefineFdIo(Linker linker, WasiContext? bound)
    {
        Def(linker, bound, "fd_read", static (w, fd, iovs, count, nread) => w.Transfer(fd, iovs, count, -1, nread, write: false));
        Def(linker, bound, "fd_write", static (w, fd, iovs, count, nwritten) => w.Transfer(fd, iovs, count, -1, nwritten, write: true));
        linker.DefineFunction(ModuleName, "fd_pread", (Caller caller, int fd, int iovs, int count, long offset, int nread) =>
        {
            var w = Enter(caller, bound);
            try { return (int)(offset < 0 ? Errno.Inval : w.Transfer(fd, iovs, count, offset, nread, write: false)); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        linker.DefineFunction(ModuleName, "fd_pwrite", (Caller caller, int fd, int iovs, int count, long offset, int nwritten) =>
        {
            var w = Enter(caller, bound);
            try { return (int)(offset < 0 ? Errno.Inval : w.Transfer(fd, iovs, count, offset, nwritten, write: true)); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        linker.DefineFunction(ModuleName, "fd_seek", (Caller caller, int fd, long offset, int whence, int result) =>
        {
            var w = Enter(caller, bound);
            try { return (int)w.FdSeek(fd, offset, whence, result); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        Def(linker, bound, "fd_tell", static (w, fd, result) => w.FdSeek(fd, 0, WasiConstants.WhenceCur, result));
        linker.DefineFunction(ModuleName, "fd_readdir", (Caller caller, int fd, int buffer, int length, long cookie, int used) =>
        {
            var w = Enter(caller, bound);
            try { return (int)w.FdReaddir(fd, buffer, length, cookie, used); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
    }

    /// <summary>Reads or writes an iovec list; <paramref name="offset"/> is -1 for the current position (fd_read/fd_write).</summary>
    private Errno Transfer(int fd, int iovs, int count, long offset, int resultPointer, bool write)
    {
        var positioned = offset >= 0;
        var required = (write ? Rights.FdWrite : Rights.FdRead) | (positioned ? Rights.FdSeek : Rights.None);
        var entry = _fds.Get(fd) ?? throw new WasiErrnoException(Errno.Badf);
        if (entry is DirectoryEntry)
        {
            return write ? Errno.Badf : Errno.IsDir;
        }

        if (!entry.Has(required))
        {
            return positioned && entry.Has(write ? Rights.FdWrite : Rights.FdRead) ? Errno.Spipe : Errno.Badf;
        }

        if (write && !positioned && (entry.Flags & FdFlags.Append) != 0 && entry is NativeEntry appending &&
            Libc.LSeek(appending.NativeFd, 0, WasiConstants.WhenceEnd) < 0)
        {
            return HostErrno.Last();
        }

        // Every buffer is checked before any byte moves, so a bad iovec never leaves a partial transfer behind.
        var vectors = IoVecs(iovs, count);
        _ = Bytes(resultPointer, 4);
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(vectors[(i * 8 + 4)..]);
            var span = Bytes(BinaryPrimitives.ReadInt32LittleEndian(vectors[(i * 8)..]), length);
            var done = entry switch
            {
                NativeEntry native => NativeTransfer(native.NativeFd, span, positioned ? offset + total : -1, write),
                StreamEntry stream => StreamTransfer(stream.Stream, span, positioned, write),
                _ => -(long)Errno.Badf,
            };
            if (done < 0)
            {
                // An error after some bytes moved reports the bytes, as POSIX readv/writev do.
                if (total > 0)
                {
                    break;
                }

                return (Errno)(-done);
            }

            total += done;
            if (done < length)
            {
                break;
            }
        }

        WriteU32(resultPointer, (int)total);
        return Errno.Success;
    }

    /// <summary>Bytes moved, or minus a WASI errno.</summary>
    private static unsafe long NativeTransfer(int fd, Span<byte> span, long offset, bool write)
    {
        if (span.Length == 0)
        {
            return 0;
        }

        fixed (byte* p = span)
        {
            long done = 0;
            while (done < span.Length)
            {
                var rest = span.Length - done;
                nint n = (write, offset >= 0) switch
                {
                    (true, true) => Libc.PWrite(fd, p + done, (nint)rest, offset + done),
                    (true, false) => Libc.Write(fd, p + done, (nint)rest),
                    (false, true) => Libc.PRead(fd, p + done, (nint)rest, offset + done),
                    (false, false) => Libc.Read(fd, p + done, (nint)rest),
                };
                if (n < 0)
                {
                    var errno = Libc.Errno;
                    if (errno == 4)
                    {
                        continue; // EINTR
                    }

                    return done > 0 ? done : -(long)HostErrno.ToWasi(errno);
                }

                done += n;
                if (n == 0 || !write)
                {
                    break; // reads return what is available; writes loop until done.
                }
            }

            return done;
        }
    }

    private static long StreamTransfer(Stream stream, Span<byte> span, bool positioned, bool write)
    {
        if (positioned)
        {
            return -(long)Errno.Spipe;
        }

        try
        {
            if (write)
            {
                if (!stream.CanWrite)
                {
                    return -(long)Errno.Badf;
                }

                stream.Write(span);
                return span.Length;
            }

            return stream.CanRead ? stream.Read(span) : -(long)Errno.Badf;
        }
        catch (IOException)
        {
            return -(long)Errno.Io;
        }
        catch (ObjectDisposedException)
        {
            return -(long)Errno.Pipe;
        }
    }

    private Errno FdSeek(int fd, long offset, int whence, int resultPointer)
    {
        var entry = _fds.Get(fd) ?? throw new WasiErrnoException(Errno.Badf);
        if (entry is DirectoryEntry)
        {
            return Errno.Badf;
        }

        // A zero move from the current position is fd_tell, which needs only that right.
        var tellOnly = offset == 0 && whence == WasiConstants.WhenceCur;
        if (!entry.Has(tellOnly ? Rights.FdTell : Rights.FdSeek))
        {
            return entry is StreamEntry || entry.Type == FileType.CharacterDevice ? Errno.Spipe : Errno.Badf;
        }

        if (whence is < WasiConstants.WhenceSet or > WasiConstants.WhenceEnd)
        {
            return Errno.Inval;
        }

        _ = Bytes(resultPointer, 8);
        if (entry is not NativeEntry native)
        {
            return Errno.Spipe;
        }

        // WASI's whence numbers (set, cur, end) match POSIX's.
        var position = Libc.LSeek(native.NativeFd, offset, whence);
        if (position < 0)
        {
            return HostErrno.Last();
        }

        WriteU64(resultPointer, position);
        return Errno.Success;
    }

    private Errno FdReaddir(int fd, int buffer, int length, long cookie, int usedPointer)
    {
        var directory = Entry<DirectoryEntry>(fd, Rights.FdReaddir);
        var target = Bytes(buffer, length);
        _ = Bytes(usedPointer, 4);
        if (FileStatus.FromFd(directory.Fd, out var self) != 0)
        {
            return Errno.NoEnt;
        }

        var error = DirectoryReader.Read(directory.Fd, out var children);
        if (error != 0)
        {
            return HostErrno.ToWasi(error);
        }

        // "." and "..", then the entries in byte order so cookies stay stable between calls.
        var used = 0;
        var header = new byte[WasiConstants.SizeOfDirent];
        for (var index = cookie < 0 ? int.MaxValue : (int)Math.Min(cookie, int.MaxValue); index < children.Count + 2 && used < target.Length; index++)
        {
            byte[] name;
            ulong ino;
            FileType type;
            if (index < 2)
            {
                // The parent of a preopen is outside the sandbox: report the preopen itself.
                var status = self;
                if (index == 1 && !directory.IsRoot && FileStatus.FromAt(directory.Fd, "..", out var parent) == 0)
                {
                    status = parent;
                }

                name = index == 0 ? Dot : DotDot;
                (ino, type) = (status.Ino, status.Type);
            }
            else
            {
                (name, ino, type) = children[index - 2];
            }

            Array.Clear(header);
            BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)index + 1);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), ino);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)name.Length);
            header[20] = (byte)type;
            used += CopyTruncated(header, target[used..]);
            used += CopyTruncated(name, target[used..]);
        }

        WriteU32(usedPointer, used);
        return Errno.Success;
    }

    private static int CopyTruncated(ReadOnlySpan<byte> source, Span<byte> target)
    {
        var n = Math.Min(source.Length, target.Length);
        source[..n].CopyTo(target);
        return n;
    }
}
