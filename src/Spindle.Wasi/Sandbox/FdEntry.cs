using Spindle.Wasi.Abi;

namespace Spindle.Wasi.Sandbox;

/// <summary>An open WASI file descriptor: its type, rights and flags.</summary>
internal abstract class FdEntry
{
    public FileType Type { get; set; }

    public Rights Base { get; set; }

    public Rights Inheriting { get; set; }

    public FdFlags Flags { get; set; }

    public bool Has(Rights rights) => (Base & rights) == rights;

    /// <summary>Releases host resources (no-op for inherited stdio).</summary>
    public abstract void Close();
}

/// <summary>
/// A directory inside a preopen, held open as an O_PATH descriptor: every path under it is resolved from that
/// descriptor (<see cref="PathResolver"/>), so renaming it, or swapping a symlink in for it or for any directory
/// above it, cannot lead outside. The preopen itself shares <see cref="PreopenRoot.Fd"/>.
/// </summary>
internal sealed class DirectoryEntry : FdEntry
{
    private DirectoryEntry(PreopenRoot root, int fd, string relativePath, string? preopenName)
    {
        Root = root;
        Fd = fd;
        RelativePath = relativePath;
        PreopenName = preopenName;
        Type = FileType.Directory;
    }

    public PreopenRoot Root { get; }

    /// <summary>The O_PATH directory descriptor (owned, except for the preopen's own entry).</summary>
    public int Fd { get; }

    /// <summary>
    /// Components below the preopen joined by '/' (no ".", ".." or empty ones) when it was opened, or "" for the
    /// preopen itself. Used only to climb above the directory with ".." and for the depth of symlink targets.
    /// </summary>
    public string RelativePath { get; }

    /// <summary>The guest name when this is a preopen (fd_prestat_get), otherwise null.</summary>
    public string? PreopenName { get; }

    public bool IsRoot => RelativePath.Length == 0;

    public static DirectoryEntry ForPreopen(PreopenRoot root) => new(root, root.Fd, "", root.Preopen.GuestPath);

    /// <summary>A directory opened by the guest: takes ownership of <paramref name="fd"/>.</summary>
    public static DirectoryEntry ForOpened(PreopenRoot root, int fd, string relativePath)
    {
        root.AddReference();
        return new DirectoryEntry(root, fd, relativePath, null);
    }

    public override void Close()
    {
        if (Fd != Root.Fd)
        {
            _ = Native.Libc.Close(Fd);
        }

        Root.Release();
    }
}

/// <summary>A host file descriptor: a regular file, or inherited stdio.</summary>
internal sealed class NativeEntry : FdEntry
{
    public NativeEntry(int nativeFd, bool owned)
    {
        NativeFd = nativeFd;
        Owned = owned;
    }

    public int NativeFd { get; }

    public bool Owned { get; }

    public override void Close()
    {
        if (Owned)
        {
            _ = Native.Libc.Close(NativeFd);
        }
    }
}

/// <summary>Stdio backed by an embedder's stream (e.g. an HTTP request body as stdin).</summary>
internal sealed class StreamEntry : FdEntry
{
    public StreamEntry(Stream stream)
    {
        Stream = stream;

        // Not a character device: wasi-libc would take it for a terminal and flush stdout at every newline.
        Type = FileType.Unknown;
        Base = RightSets.Stdio;
    }

    public Stream Stream { get; }

    public override void Close()
    {
    }
}
