using Spindle.Wasi.Native;

namespace Spindle.Wasi.Sandbox;

/// <summary>
/// The O_PATH descriptor of a preopened directory: the root every guest path is resolved under. Shared by the
/// preopen's entry and every directory descriptor opened below it (a subdirectory climbs back to it with ".."), and
/// closed with the last of them.
/// </summary>
internal sealed class PreopenRoot
{
    private int _references = 1;

    private PreopenRoot(WasiPreopen preopen, int fd)
    {
        Preopen = preopen;
        Fd = fd;
    }

    public WasiPreopen Preopen { get; }

    public int Fd { get; }

    /// <summary>Opens <paramref name="preopen"/>'s host directory (the embedder's path, so host symlinks in it are followed).</summary>
    public static PreopenRoot Open(WasiPreopen preopen)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException(
                $"preopened directory '{preopen.HostPath}': WASI file system access needs Linux (openat and O_PATH); run without --dir on this OS");
        }

        var fd = Libc.Open(Path.GetFullPath(preopen.HostPath), Libc.OPath | Libc.ODirectory | Libc.OCloexec, 0);
        if (fd < 0)
        {
            var errno = Libc.Errno;
            throw errno is 2 or 20
                ? new DirectoryNotFoundException($"preopened directory '{preopen.HostPath}' does not exist: pass an existing host directory")
                : new IOException($"preopened directory '{preopen.HostPath}' cannot be opened (errno {errno}): check its permissions");
        }

        return new PreopenRoot(preopen, fd);
    }

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _ = Libc.Close(Fd);
        }
    }
}
