using System.Text;
using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;

namespace Spindle.Wasi.Sandbox;

/// <summary>A guest path resolved inside a preopen.</summary>
/// <param name="HostPath">Full host path; every directory on the way was checked to be a real directory, not a symlink.</param>
/// <param name="RelativePath">The same path relative to the preopen ("" for the preopen itself).</param>
/// <param name="TrailingSlash">The guest path ended with '/': the target must be a directory.</param>
internal readonly record struct ResolvedPath(string HostPath, string RelativePath, bool TrailingSlash)
{
    public bool IsRoot => RelativePath.Length == 0;
}

/// <summary>
/// Resolves guest paths one component at a time, inside the preopen, never letting the host follow a symlink:
/// symlink targets are read and spliced into the walk, so "..", absolute paths and links (the guest's own included)
/// can never leave the preopen. Escapes are EPERM (wasi-filesystem's "not-permitted").
/// </summary>
internal static class PathResolver
{
    /// <summary>Linux's limit on symlinks followed in one resolution.</summary>
    private const int MaxSymlinks = 40;

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

    /// <summary>Resolves <paramref name="path"/> relative to <paramref name="directory"/>; a final symlink is followed only when asked.</summary>
    public static Errno Resolve(DirectoryEntry directory, string path, bool followFinal, out ResolvedPath resolved)
    {
        resolved = default;
        if (path.Length == 0)
        {
            return Errno.NoEnt;
        }

        if (path[0] == '/')
        {
            return Errno.Perm;
        }

        // The directory's own components are walked again rather than trusted: since it was opened, the guest (or
        // the host) may have renamed it and put a symlink in its place.
        var stack = new List<string>();
        var pending = new List<string>();
        Push(pending, path);
        if (IsLast(pending))
        {
            followFinal = true; // "." names the directory itself, which is always resolved through links.
        }

        if (directory.RelativePath.Length > 0)
        {
            Push(pending, directory.RelativePath);
        }

        var trailingSlash = path[^1] == '/';
        var links = 0;
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
                if (stack.Count == 0)
                {
                    return Errno.Perm;
                }

                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            var isLast = IsLast(pending);
            if (isLast && !followFinal && !trailingSlash)
            {
                stack.Add(component);
                break;
            }

            var host = HostPath(directory.RootHostPath, stack, component);
            var error = FileStatus.FromPath(host, follow: false, out var status);
            if (error != 0)
            {
                if (isLast && error == 2)
                {
                    stack.Add(component);
                    break;
                }

                return HostErrno.ToWasi(error);
            }

            if (status.Type == FileType.SymbolicLink)
            {
                if (++links > MaxSymlinks)
                {
                    return Errno.Loop;
                }

                var target = Libc.ReadLinkBytes(host, out var linkError);
                if (target is null)
                {
                    return HostErrno.ToWasi(linkError);
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
                continue;
            }

            if (!isLast && !status.IsDirectory)
            {
                return Errno.NotDir;
            }

            stack.Add(component);
        }

        var relative = string.Join('/', stack);
        resolved = new ResolvedPath(relative.Length == 0 ? directory.RootHostPath : directory.RootHostPath + "/" + relative, relative, trailingSlash);
        return Errno.Success;
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

    private static string HostPath(string root, List<string> stack, string component) =>
        stack.Count == 0 ? root + "/" + component : root + "/" + string.Join('/', stack) + "/" + component;
}
