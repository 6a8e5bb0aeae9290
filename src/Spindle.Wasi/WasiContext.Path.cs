using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;
using Spindle.Wasi.Sandbox;
using Spindle.Wasm;

namespace Spindle.Wasi;

/// <summary>path_* functions. Every path goes through <see cref="PathResolver"/> before any host call.</summary>
public sealed partial class WasiContext
{
    private static void DefinePath(Linker linker, WasiContext? bound)
    {
        Def(linker, bound, "path_create_directory", static (w, fd, path, length) =>
            Native(Libc.MkDir(HostOf(w.Resolve(fd, Rights.PathCreateDirectory, path, length, follow: false, needsName: true)), 0x1FF)));
        Def(linker, bound, "path_filestat_get", static (w, fd, flags, path, length, pointer) => w.PathFilestatGet(fd, flags, path, length, pointer));
        linker.DefineFunction(ModuleName, "path_filestat_set_times", (Caller caller, int fd, int flags, int path, int length, long atim, long mtim, int fst) =>
        {
            var w = Enter(caller, bound);
            try { return (int)w.PathFilestatSetTimes(fd, flags, path, length, atim, mtim, (FstFlags)fst); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        Def(linker, bound, "path_link", static (w, oldFd, oldFlags, oldPath, oldLength, newFd, newPath, newLength) => w.PathLink(oldFd, oldFlags, oldPath, oldLength, newFd, newPath, newLength));
        linker.DefineFunction(ModuleName, "path_open", (Caller caller, int fd, int dirflags, int path, int length, int oflags, long rightsBase, long rightsInheriting, int fdflags, int opened) =>
        {
            var w = Enter(caller, bound);
            try { return (int)w.PathOpen(fd, dirflags, path, length, (OFlags)oflags, (Rights)rightsBase, (Rights)rightsInheriting, (FdFlags)fdflags, opened); } catch (WasiErrnoException e) { return (int)e.Errno; }
        });
        Def(linker, bound, "path_readlink", static (w, fd, path, length, buffer, bufferLength, usedPointer) => w.PathReadlink(fd, path, length, buffer, bufferLength, usedPointer));
        Def(linker, bound, "path_remove_directory", static (w, fd, path, length) =>
            Native(Libc.RmDir(HostOf(w.Resolve(fd, Rights.PathRemoveDirectory, path, length, follow: false, needsName: true)))));
        Def(linker, bound, "path_rename", static (w, fd, oldPath, oldLength, newFd, newPath, newLength) =>
        {
            var from = w.Resolve(fd, Rights.PathRenameSource, oldPath, oldLength, follow: false, needsName: true);
            var to = w.Resolve(newFd, Rights.PathRenameTarget, newPath, newLength, follow: false, needsName: true);
            return Native(Libc.Rename(HostOf(from), HostOf(to)));
        });
        Def(linker, bound, "path_symlink", static (w, oldPath, oldLength, fd, newPath, newLength) => w.PathSymlink(oldPath, oldLength, fd, newPath, newLength));
        Def(linker, bound, "path_unlink_file", static (w, fd, path, length) =>
            Native(Libc.Unlink(HostOf(w.Resolve(fd, Rights.PathUnlinkFile, path, length, follow: false, needsName: true)))));
    }

    private static Errno Native(int result) => result == 0 ? Errno.Success : HostErrno.Last();

    // A trailing slash is kept for the host call, so the kernel applies POSIX's "must be a directory" rule.
    private static string HostOf(ResolvedPath path) => path.TrailingSlash ? path.HostPath + "/" : path.HostPath;

    /// <summary>The directory's host path, re-resolved (it may have been replaced by a symlink since it was opened).</summary>
    private static string HostPathOf(DirectoryEntry directory)
    {
        var error = PathResolver.Resolve(directory, ".", followFinal: true, out var resolved);
        return error == Errno.Success ? resolved.HostPath : throw new WasiErrnoException(error);
    }

    private ResolvedPath Resolve(int fd, Rights right, int pointer, int length, bool follow, bool needsName = false) =>
        Resolve(Entry<DirectoryEntry>(fd, right), pointer, length, follow, needsName);

    private ResolvedPath Resolve(DirectoryEntry directory, int pointer, int length, bool follow, bool needsName)
    {
        var path = ReadPath(pointer, length);
        var error = PathResolver.Resolve(directory, path, follow, out var resolved);
        if (error != Errno.Success)
        {
            throw new WasiErrnoException(error);
        }

        // Operations on a name (mkdir, unlink, rename, ...) cannot target the preopen itself.
        if (needsName && resolved.IsRoot)
        {
            throw new WasiErrnoException(Errno.Busy);
        }

        return resolved;
    }

    private Errno PathFilestatGet(int fd, int flags, int path, int length, int pointer)
    {
        var resolved = Resolve(fd, Rights.PathFilestatGet, path, length, (flags & WasiConstants.LookupSymlinkFollow) != 0);
        var target = Bytes(pointer, WasiConstants.SizeOfFilestat);
        var error = FileStatus.FromPath(HostOf(resolved), follow: false, out var status);
        if (error != 0)
        {
            return HostErrno.ToWasi(error);
        }

        WriteFilestat(target, status);
        return Errno.Success;
    }

    private unsafe Errno PathFilestatSetTimes(int fd, int flags, int path, int length, long atim, long mtim, FstFlags fst)
    {
        var resolved = Resolve(fd, Rights.PathFilestatSetTimes, path, length, (flags & WasiConstants.LookupSymlinkFollow) != 0);
        var times = stackalloc long[4];
        return TryTimes(atim, mtim, fst, times)
            ? Native(Libc.UtimensAt(Libc.AtFdCwd, HostOf(resolved), times, Libc.AtSymlinkNoFollow))
            : Errno.Inval;
    }

    private Errno PathLink(int oldFd, int oldFlags, int oldPath, int oldLength, int newFd, int newPath, int newLength)
    {
        var from = Resolve(oldFd, Rights.PathLinkSource, oldPath, oldLength, (oldFlags & WasiConstants.LookupSymlinkFollow) != 0, needsName: true);
        var to = Resolve(newFd, Rights.PathLinkTarget, newPath, newLength, follow: false, needsName: true);
        return Native(Libc.Link(HostOf(from), HostOf(to)));
    }

    private Errno PathReadlink(int fd, int path, int length, int buffer, int bufferLength, int usedPointer)
    {
        var resolved = Resolve(fd, Rights.PathReadlink, path, length, follow: false);
        var target = Bytes(buffer, bufferLength);
        _ = Bytes(usedPointer, 4);
        var link = Libc.ReadLinkBytes(HostOf(resolved), out var errno);
        if (link is null)
        {
            return HostErrno.ToWasi(errno);
        }

        // An absolute target would show the guest a host path (and points outside the sandbox anyway).
        if (link.Length > 0 && link[0] == (byte)'/')
        {
            return Errno.Perm;
        }

        var n = Math.Min(link.Length, target.Length);
        link.AsSpan(0, n).CopyTo(target);
        WriteU32(usedPointer, n);
        return Errno.Success;
    }

    private Errno PathSymlink(int oldPath, int oldLength, int fd, int newPath, int newLength)
    {
        var target = ReadPath(oldPath, oldLength);
        var link = Resolve(fd, Rights.PathSymlink, newPath, newLength, follow: false, needsName: true);

        // Refuse links that point outside the preopen, even though resolution would never follow them: a host
        // program reading the directory later would.
        if (target.Length == 0)
        {
            return Errno.NoEnt;
        }

        if (target[0] == '/' || EscapesFrom(link.RelativePath, target))
        {
            return Errno.Perm;
        }

        return Native(Libc.Symlink(target, HostOf(link)));
    }

    /// <summary>Whether <paramref name="target"/>, read from the directory holding <paramref name="linkPath"/>, climbs above the preopen.</summary>
    private static bool EscapesFrom(string linkPath, string target)
    {
        var depth = linkPath.Split('/').Length - 1;
        foreach (var component in target.Split('/'))
        {
            if (component == "..")
            {
                if (--depth < 0)
                {
                    return true;
                }
            }
            else if (component.Length > 0 && component != ".")
            {
                depth++;
            }
        }

        return false;
    }
}
