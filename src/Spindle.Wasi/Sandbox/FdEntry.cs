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
/// A directory inside a preopen, remembered by its path below the preopen. The path is walked again at every use
/// (<see cref="PathResolver"/>), so renaming it or swapping in a symlink later cannot lead outside.
/// </summary>
internal sealed class DirectoryEntry : FdEntry
{
    public DirectoryEntry(WasiPreopen root, string rootHostPath, string relativePath, string? preopenName)
    {
        Root = root;
        RootHostPath = rootHostPath;
        RelativePath = relativePath;
        PreopenName = preopenName;
        Type = FileType.Directory;
    }

    public WasiPreopen Root { get; }

    /// <summary>The preopen's full host path (never shown to the guest).</summary>
    public string RootHostPath { get; }

    /// <summary>Components below the preopen joined by '/' (no ".", ".." or empty ones), or "" for the preopen itself.</summary>
    public string RelativePath { get; }

    /// <summary>The guest name when this is a preopen (fd_prestat_get), otherwise null.</summary>
    public string? PreopenName { get; }

    public override void Close()
    {
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
