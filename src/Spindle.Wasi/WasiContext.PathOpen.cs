using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;
using Spindle.Wasi.Sandbox;

namespace Spindle.Wasi;

/// <summary>path_open: resolves inside the preopen, then opens a directory descriptor or a host file relative to its parent.</summary>
public sealed partial class WasiContext
{
    private Errno PathOpen(int fd, int dirflags, int path, int length, OFlags oflags, Rights rightsBase, Rights rightsInheriting, FdFlags fdflags, int openedPointer)
    {
        var directory = Entry<DirectoryEntry>(fd, Rights.PathOpen);
        if (((oflags & OFlags.Creat) != 0 && !directory.Has(Rights.PathCreateFile)) ||
            ((oflags & OFlags.Trunc) != 0 && !directory.Has(Rights.PathFilestatSetSize)))
        {
            return Errno.Perm;
        }

        _ = Bytes(openedPointer, 4);
        using var resolved = Resolve(directory, path, length, (dirflags & WasiConstants.LookupSymlinkFollow) != 0, needsName: false);

        // Rights are granted as requested, limited by what the directory passes on (as wasi-libc asks for them).
        var grantedBase = rightsBase & directory.Inheriting;
        var grantedInheriting = rightsInheriting & directory.Inheriting;
        var exists = FileStatus.FromAt(resolved.DirFd, resolved.Name, out var status) == 0;
        if (exists && status.IsDirectory)
        {
            if ((oflags & (OFlags.Creat | OFlags.Excl)) == (OFlags.Creat | OFlags.Excl))
            {
                return Errno.Exist;
            }

            // POSIX: a directory cannot be opened for writing, with or without O_DIRECTORY.
            if ((oflags & OFlags.Trunc) != 0 || (rightsBase & (Rights.FdWrite | Rights.FdAllocate | Rights.FdFilestatSetSize)) != 0)
            {
                return Errno.IsDir;
            }

            // O_NOFOLLOW: if a symlink was swapped in since the stat, this fails (ELOOP/ENOTDIR) rather than follow it.
            var directoryFd = Libc.OpenAt(resolved.DirFd, resolved.Name, Libc.OPathDirectory, 0);
            if (directoryFd < 0)
            {
                return HostErrno.Last();
            }

            // A directory gets its parent's rights whatever was asked (as wasmtime does): programs routinely request
            // fewer rights than the path_* calls they then make, and the sandbox is the preopen, not the rights.
            var opened = DirectoryEntry.ForOpened(directory.Root, directoryFd, resolved.RelativePath);
            opened.Base = directory.Base;
            opened.Inheriting = directory.Inheriting;
            opened.Flags = fdflags;
            WriteU32(openedPointer, _fds.Add(opened));
            return Errno.Success;
        }

        if ((oflags & OFlags.Directory) != 0)
        {
            return exists ? (status.Type == FileType.SymbolicLink ? Errno.Loop : Errno.NotDir) : Errno.NoEnt;
        }

        if (resolved.TrailingSlash)
        {
            // "name/" must be a directory; POSIX open(O_CREAT) of a missing "name/" is EISDIR.
            return exists ? Errno.NotDir : (oflags & OFlags.Creat) != 0 ? Errno.IsDir : Errno.NoEnt;
        }

        var write = (grantedBase & (Rights.FdWrite | Rights.FdAllocate | Rights.FdFilestatSetSize)) != 0 || (oflags & OFlags.Trunc) != 0;
        // FDFLAGS_APPEND is applied by fd_write, not O_APPEND: fd_pwrite must still write at its offset.
        var read = (grantedBase & (Rights.FdRead | Rights.FdReaddir)) != 0 || !write;
        var flags = (read && write ? Libc.ORdWr : write ? Libc.OWrOnly : Libc.ORdOnly) | Libc.ONoFollow | Libc.OCloexec;
        flags |= (oflags & OFlags.Creat) != 0 ? Libc.OCreat : 0;
        flags |= (oflags & OFlags.Excl) != 0 ? Libc.OExcl : 0;
        flags |= (oflags & OFlags.Trunc) != 0 ? Libc.OTrunc : 0;
        flags |= (fdflags & FdFlags.NonBlock) != 0 ? Libc.ONonBlock : 0;
        flags |= (fdflags & (FdFlags.Sync | FdFlags.Rsync)) != 0 ? Libc.OSync : (fdflags & FdFlags.Dsync) != 0 ? Libc.ODsync : 0;
        var nativeFd = Libc.OpenAt(resolved.DirFd, resolved.Name, flags, 0x1B6);
        if (nativeFd < 0)
        {
            return HostErrno.Last();
        }

        var type = FileStatus.FromFd(nativeFd, out var opened2) == 0 ? opened2.Type : FileType.Unknown;
        var entry = new NativeEntry(nativeFd, owned: true)
        {
            Type = type,
            Base = grantedBase & RightSets.RegularFile,
            Inheriting = grantedInheriting,
            Flags = fdflags,
        };
        WriteU32(openedPointer, _fds.Add(entry));
        return Errno.Success;
    }
}
