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
        {
            using var resolved = w.Resolve(fd, Rights.PathCreateDirectory, path, length, follow: false, needsName: true);
            return Native(Libc.MkDirAt(resolved.DirFd, resolved.Name, 0x1FF));
        });
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
        {
            using var resolved = w.Resolve(fd, Rights.PathRemoveDirectory, path, length, follow: false, needsName: true);
            return Native(Libc.UnlinkAt(resolved.DirFd, resolved.Name, Libc.AtRemoveDir));
        });
        Def(linker, bound, "path_rename", static (w, fd, oldPath, oldLength, newFd, newPath, newLength) => w.PathRename(fd, oldPath, oldLength, newFd, newPath, newLength));
        Def(linker, bound, "path_symlink", static (w, oldPath, oldLength, fd, newPath, newLength) => w.PathSymlink(oldPath, oldLength, fd, newPath, newLength));
        Def(linker, bound, "path_unlink_file", static (w, fd, path, length) =>
        {
            using var resolved = w.Resolve(fd, Rights.PathUnlinkFile, path, length, follow: false, needsName: true);
            var error = resolved.CheckTrailingSlash();
            return error != 0 ? HostErrno.ToWasi(error) : Native(Libc.UnlinkAt(resolved.DirFd, resolved.Name, 0));
        });
    }

    private static Errno Native(int result) => result == 0 ? Errno.Success : HostErrno.Last();

    /// <summary>
    /// Test hook: runs after a guest path was resolved and before the operation on it, with the guest path. Tests use
    /// it to change the host file system at exactly that moment (e.g. swap a directory for a symlink).
    /// </summary>
    internal Action<string>? AfterResolve { get; set; }

    /// <summary>Whether paths may be resolved with openat2 (tests turn it off to exercise the component walk).</summary>
    internal bool UseBeneath { get; set; } = true;

    private ResolvedPath Resolve(int fd, Rights right, int pointer, int length, bool follow, bool needsName = false) =>
        Resolve(Entry<DirectoryEntry>(fd, right), pointer, length, follow, needsName);

    /// <summary>Resolves a guest path (the caller disposes the result) or throws its errno.</summary>
    private ResolvedPath Resolve(DirectoryEntry directory, int pointer, int length, bool follow, bool needsName)
    {
        var path = ReadPath(pointer, length);
        var error = PathResolver.Resolve(directory, path, follow, out var resolved, UseBeneath);
        if (error != Errno.Success)
        {
            throw new WasiErrnoException(error);
        }

        // Operations on a name (mkdir, unlink, rename, ...) cannot target the preopen itself.
        if (needsName && resolved!.IsRoot)
        {
            resolved.Dispose();
            throw new WasiErrnoException(Errno.Busy);
        }

        AfterResolve?.Invoke(path);
        return resolved!;
    }

    private Errno PathFilestatGet(int fd, int flags, int path, int length, int pointer)
    {
        using var resolved = Resolve(fd, Rights.PathFilestatGet, path, length, (flags & WasiConstants.LookupSymlinkFollow) != 0);
        var target = Bytes(pointer, WasiConstants.SizeOfFilestat);
        var error = FileStatus.FromAt(resolved.DirFd, resolved.Name, out var status);
        if (error == 0 && resolved.TrailingSlash && !status.IsDirectory)
        {
            error = 20; // ENOTDIR
        }

        if (error != 0)
        {
            return HostErrno.ToWasi(error);
        }

        WriteFilestat(target, status);
        return Errno.Success;
    }

    private unsafe Errno PathFilestatSetTimes(int fd, int flags, int path, int length, long atim, long mtim, FstFlags fst)
    {
        using var resolved = Resolve(fd, Rights.PathFilestatSetTimes, path, length, (flags & WasiConstants.LookupSymlinkFollow) != 0);
        var times = stackalloc long[4];
        if (!TryTimes(atim, mtim, fst, times))
        {
            return Errno.Inval;
        }

        var error = resolved.CheckTrailingSlash();
        return error != 0 ? HostErrno.ToWasi(error) : Native(Libc.UtimensAt(resolved.DirFd, resolved.Name, times, Libc.AtSymlinkNoFollow));
    }

    private Errno PathLink(int oldFd, int oldFlags, int oldPath, int oldLength, int newFd, int newPath, int newLength)
    {
        using var from = Resolve(oldFd, Rights.PathLinkSource, oldPath, oldLength, (oldFlags & WasiConstants.LookupSymlinkFollow) != 0, needsName: true);
        using var to = Resolve(newFd, Rights.PathLinkTarget, newPath, newLength, follow: false, needsName: true);
        var error = from.CheckTrailingSlash();
        if (error == 0 && to.TrailingSlash)
        {
            return CreatingWithTrailingSlash(to);
        }

        return error != 0 ? HostErrno.ToWasi(error) : Native(Libc.LinkAt(from.DirFd, from.Name, to.DirFd, to.Name, 0));
    }

    private Errno PathRename(int fd, int oldPath, int oldLength, int newFd, int newPath, int newLength)
    {
        using var from = Resolve(fd, Rights.PathRenameSource, oldPath, oldLength, follow: false, needsName: true);
        using var to = Resolve(newFd, Rights.PathRenameTarget, newPath, newLength, follow: false, needsName: true);

        // A trailing slash on either side means directories only (POSIX rename).
        if ((from.TrailingSlash || to.TrailingSlash) && FileStatus.FromAt(from.DirFd, from.Name, out var source) == 0 && !source.IsDirectory)
        {
            return Errno.NotDir;
        }

        return Native(Libc.RenameAt(from.DirFd, from.Name, to.DirFd, to.Name));
    }

    /// <summary>link/symlink to "name/": POSIX refuses to create a non-directory there (EEXIST if it exists, else ENOENT).</summary>
    private static Errno CreatingWithTrailingSlash(ResolvedPath to) =>
        FileStatus.FromAt(to.DirFd, to.Name, out _) == 0 ? Errno.Exist : Errno.NoEnt;

    private Errno PathReadlink(int fd, int path, int length, int buffer, int bufferLength, int usedPointer)
    {
        using var resolved = Resolve(fd, Rights.PathReadlink, path, length, follow: false);
        var target = Bytes(buffer, bufferLength);
        _ = Bytes(usedPointer, 4);
        var link = Libc.ReadLinkAtBytes(resolved.DirFd, resolved.Name, out var errno);
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
        using var link = Resolve(fd, Rights.PathSymlink, newPath, newLength, follow: false, needsName: true);

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

        return link.TrailingSlash ? CreatingWithTrailingSlash(link) : Native(Libc.SymlinkAt(target, link.DirFd, link.Name));
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
