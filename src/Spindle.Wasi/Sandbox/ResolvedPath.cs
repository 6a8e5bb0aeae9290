using Spindle.Wasi.Native;

namespace Spindle.Wasi.Sandbox;

/// <summary>
/// A guest path resolved inside a preopen: the directory that holds the target, open as an O_PATH descriptor, and the
/// target's name in it. Operations use the *at calls on (<see cref="DirFd"/>, <see cref="Name"/>), so nothing the
/// host file system does after resolution can redirect them outside. Dispose to close the descriptor.
/// </summary>
internal sealed class ResolvedPath : IDisposable
{
    private readonly bool _ownsDirFd;
    private bool _disposed;

    public ResolvedPath(int dirFd, bool ownsDirFd, string name, string relativePath, bool trailingSlash)
    {
        DirFd = dirFd;
        _ownsDirFd = ownsDirFd;
        Name = name;
        RelativePath = relativePath;
        TrailingSlash = trailingSlash;
    }

    /// <summary>The directory holding the target (a descriptor inside the preopen).</summary>
    public int DirFd { get; }

    /// <summary>One component, never a symlink that was to be followed; "." when the target is <see cref="DirFd"/> itself.</summary>
    public string Name { get; }

    /// <summary>The target relative to the preopen ("" for the preopen itself).</summary>
    public string RelativePath { get; }

    /// <summary>The guest path ended with '/': the target must be a directory.</summary>
    public bool TrailingSlash { get; }

    public bool IsRoot => RelativePath.Length == 0;

    /// <summary>
    /// The host errno ENOTDIR when the path ended with '/' and names something other than a directory, else 0:
    /// POSIX's rule, applied here because the host never sees the slash (with it, the kernel would follow a symlink).
    /// </summary>
    public int CheckTrailingSlash() =>
        TrailingSlash && FileStatus.FromAt(DirFd, Name, out var status) == 0 && !status.IsDirectory ? 20 : 0;

    public void Dispose()
    {
        if (_ownsDirFd && !_disposed)
        {
            _disposed = true;
            _ = Libc.Close(DirFd);
        }
    }
}
