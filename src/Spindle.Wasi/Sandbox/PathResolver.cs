using System.Text;
using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;

namespace Spindle.Wasi.Sandbox;

/// <summary>
/// Resolves guest paths inside a preopen the way cap-std does on Linux: from the directory descriptor, one component
/// at a time with <c>openat(O_PATH | O_DIRECTORY | O_NOFOLLOW)</c>, reading symlinks ourselves (readlinkat) and
/// splicing their targets into the walk. The host never resolves more than one component of a guest path, so a
/// directory swapped for a symlink at any moment (by the host, or by another instance sharing the preopen) is seen
/// as a symlink and judged like any other: "..", absolute targets and links (the guest's own included) never leave
/// the preopen. Escapes are EPERM (wasi-filesystem's "not-permitted"). Where the kernel has openat2, a path with no
/// symlinks and no climb above the directory is resolved in one call with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS.
/// </summary>
internal static partial class PathResolver
{
    /// <summary>Linux's limit on symlinks followed in one resolution.</summary>
    private const int MaxSymlinks = 40;

    // Host errno numbers the walk branches on.
    private const int EPerm = 1, ENoEnt = 2, ENotDir = 20, EInval = 22, ENoSys = 38, ELoop = 40;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static Errno Decode(ReadOnlySpan<byte> bytes, out string path)
    {
        path = "";
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return Errno.Inval;
        }

        try
        {
            path = StrictUtf8.GetString(bytes);
            return Errno.Success;
        }
        catch (DecoderFallbackException)
        {
            return Errno.Ilseq;
        }
    }

    /// <summary>
    /// Resolves <paramref name="path"/> relative to <paramref name="directory"/>; a final symlink is followed only when
    /// asked. On success the caller owns <paramref name="resolved"/> and must dispose it.
    /// </summary>
    /// <param name="beneath">Try openat2 first (tests turn it off to exercise the component walk).</param>
    public static Errno Resolve(DirectoryEntry directory, string path, bool followFinal, out ResolvedPath? resolved, bool beneath = true)
    {
        resolved = null;
        if (path.Length == 0)
        {
            return Errno.NoEnt;
        }

        if (path[0] == '/')
        {
            return Errno.Perm;
        }

        if (beneath && TryBeneath(directory, path, followFinal, out resolved))
        {
            return Errno.Success;
        }

        return Walk(directory, path, followFinal, out resolved);
    }

    private static Errno Walk(DirectoryEntry directory, string path, bool followFinal, out ResolvedPath? resolved)
    {
        resolved = null;
        var pending = new List<string>();
        Push(pending, path);
        if (IsLast(pending))
        {
            followFinal = true; // "." names the directory itself, which is always resolved through links.
        }

        // Where the walk stands: the directory's descriptor at its recorded place below the preopen (prefix), then the
        // descriptors this walk opened (owned: closed on the way out, except the one handed to the result).
        var baseFd = directory.Fd;
        var prefix = directory.IsRoot ? [] : new List<string>(directory.RelativePath.Split('/'));
        var frames = new List<(string Name, int Fd)>();
        var trailingSlash = path[^1] == '/';
        string? final = null;
        var links = 0;
        try
        {
            while (pending.Count > 0)
            {
                var component = pending[^1];
                pending.RemoveAt(pending.Count - 1);
                if (component.Length == 0 || component == ".")
                {
                    continue;
                }

                if (component == "..")
                {
                    if (frames.Count > 0)
                    {
                        _ = Libc.Close(frames[^1].Fd);
                        frames.RemoveAt(frames.Count - 1);
                    }
                    else if (prefix.Count == 0)
                    {
                        return Errno.Perm;
                    }
                    else
                    {
                        // Above the starting directory: walk again from the preopen, with every check, along the
                        // directory's recorded path one level up.
                        prefix.RemoveAt(prefix.Count - 1);
                        Push(pending, string.Join('/', prefix));
                        prefix.Clear();
                        baseFd = directory.Root.Fd;
                    }

                    continue;
                }

                var current = frames.Count > 0 ? frames[^1].Fd : baseFd;
                var isLast = IsLast(pending);
                if (isLast && !followFinal && !trailingSlash)
                {
                    final = component;
                    break;
                }

                byte[]? target;
                int error;
                if (isLast)
                {
                    // The final component is named, not opened: a symlink is spliced in, anything else is the target.
                    target = Libc.ReadLinkAtBytes(current, component, out error);
                    if (target is null)
                    {
                        if (error is EInval or ENoEnt)
                        {
                            final = component;
                            break;
                        }

                        return HostErrno.ToWasi(error);
                    }
                }
                else
                {
                    var fd = Libc.OpenAt(current, component, Libc.OPathDirectory, 0);
                    if (fd >= 0)
                    {
                        frames.Add((component, fd));
                        continue;
                    }

                    // O_NOFOLLOW | O_DIRECTORY refuses a symlink (ENOTDIR, or ELOOP): read it, or report the non-directory.
                    error = Libc.Errno;
                    if (error is not (ENotDir or ELoop))
                    {
                        return HostErrno.ToWasi(error);
                    }

                    target = Libc.ReadLinkAtBytes(current, component, out error);
                    if (target is null)
                    {
                        return error == EInval ? Errno.NotDir : HostErrno.ToWasi(error);
                    }
                }

                if (++links > MaxSymlinks)
                {
                    return Errno.Loop;
                }

                if (target.Length == 0)
                {
                    return Errno.NoEnt;
                }

                if (target[0] == (byte)'/')
                {
                    return Errno.Perm;
                }

                Push(pending, Encoding.UTF8.GetString(target));
            }

            var names = new List<string>(prefix.Count + frames.Count + 1);
            names.AddRange(prefix);
            foreach (var frame in frames)
            {
                names.Add(frame.Name);
            }

            if (final is not null)
            {
                names.Add(final);
            }

            var relative = string.Join('/', names);
            if (frames.Count == 0)
            {
                resolved = new ResolvedPath(baseFd, ownsDirFd: false, final ?? ".", relative, trailingSlash);
            }
            else
            {
                resolved = new ResolvedPath(frames[^1].Fd, ownsDirFd: true, final ?? ".", relative, trailingSlash);
                frames.RemoveAt(frames.Count - 1);
            }

            return Errno.Success;
        }
        finally
        {
            foreach (var frame in frames)
            {
                _ = Libc.Close(frame.Fd);
            }
        }
    }

    // Components are consumed from the end of the list, so push in reverse order.
    private static void Push(List<string> pending, string path)
    {
        var parts = path.Split('/');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Add(parts[i]);
        }
    }

    private static bool IsLast(List<string> pending)
    {
        foreach (var rest in pending)
        {
            if (rest.Length > 0 && rest != ".")
            {
                return false;
            }
        }

        return true;
    }
}
