using Spindle.Wasi.Native;

namespace Spindle.Wasi.Sandbox;

/// <summary>The openat2 fast path of <see cref="PathResolver"/>.</summary>
internal static partial class PathResolver
{
    /// <summary>1 while openat2 may be tried; 0 once the kernel has refused it.</summary>
    private static int s_openat2 = 1;

    /// <summary>
    /// The fast path: the parent directory in one openat2 confined beneath <paramref name="directory"/> with no
    /// symlink at all. Anything else (a symlink, a climb above the directory, an error, an old kernel) returns false
    /// and the component walk decides, with its errnos.
    /// </summary>
    private static bool TryBeneath(DirectoryEntry directory, string path, bool followFinal, out ResolvedPath? resolved)
    {
        resolved = null;
        if (Volatile.Read(ref s_openat2) == 0)
        {
            return false;
        }

        var end = path.Length;
        while (path[end - 1] == '/')
        {
            end--;
        }

        var slash = path.LastIndexOf('/', end - 1);
        var name = path[(slash + 1)..end];
        if (name is "." or "..")
        {
            return false;
        }

        var names = directory.IsRoot ? [] : new List<string>(directory.RelativePath.Split('/'));
        var depth = names.Count;
        var dirFd = directory.Fd;
        var owns = false;
        if (slash >= 0)
        {
            var parent = path[..slash];
            foreach (var component in parent.Split('/'))
            {
                if (component == "..")
                {
                    if (names.Count == depth)
                    {
                        return false; // RESOLVE_BENEATH would refuse it; the walk climbs up to the preopen.
                    }

                    names.RemoveAt(names.Count - 1);
                }
                else if (component.Length > 0 && component != ".")
                {
                    names.Add(component);
                }
            }

            dirFd = Libc.OpenAt2(directory.Fd, parent, Libc.OPath | Libc.ODirectory | Libc.OCloexec,
                Libc.ResolveBeneath | Libc.ResolveNoSymlinks | Libc.ResolveNoMagicLinks);
            if (dirFd < 0)
            {
                if (Libc.Errno is ENoSys or EPerm)
                {
                    Volatile.Write(ref s_openat2, 0); // no openat2 here (old kernel, or a seccomp filter without it)
                }

                return false;
            }

            owns = true;
        }

        if ((followFinal || end < path.Length) && IsSymlink(dirFd, name))
        {
            if (owns)
            {
                _ = Libc.Close(dirFd);
            }

            return false;
        }

        names.Add(name);
        resolved = new ResolvedPath(dirFd, owns, name, string.Join('/', names), trailingSlash: end < path.Length);
        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a symlink, or could not be checked (the walk then decides).</summary>
    private static unsafe bool IsSymlink(int dirFd, string name)
    {
        byte one;
        return Libc.ReadLinkAt(dirFd, name, &one, 1) >= 0 || Libc.Errno is not (EInval or ENoEnt);
    }
}
