namespace Spindle.Wasi.Tests.Sandbox;

/// <summary>path_* and fd_* calls on preopen fd 3 through <see cref="AbiHarness"/>, with the guest memory layout they need.</summary>
internal sealed class GuestFiles(AbiHarness abi)
{
    // witx rights and oflags.
    public const long FdRead = 1 << 1, FdWrite = 1 << 6, FdReaddir = 1 << 14;
    public const int Creat = 1, Directory = 2, Trunc = 8;

    private const int Preopen = 3, Path1 = 1024, Path2 = 2048, Buffer = 4096, Iovec = 16, Result = 32, StatBuffer = 64;

    public AbiHarness Abi => abi;

    /// <summary>path_open; the new fd in <paramref name="fd"/>.</summary>
    public int Open(string path, int oflags, long rights, out int fd, int lookup = 0)
    {
        var result = abi.Call("path_open", Preopen, lookup, Path1, abi.Put(Path1, path), oflags, rights, rights, 0, Result);
        fd = result == 0 ? abi.Memory.ReadInt32(Result) : -1;
        return result;
    }

    public int Write(int fd, string text)
    {
        abi.Memory.WriteInt32(Iovec, Buffer);
        abi.Memory.WriteInt32(Iovec + 4, abi.Put(Buffer, text));
        return abi.Call("fd_write", fd, Iovec, 1, Result);
    }

    public string Read(int fd)
    {
        abi.Memory.WriteInt32(Iovec, Buffer);
        abi.Memory.WriteInt32(Iovec + 4, 256);
        Assert.Equal(0, abi.Call("fd_read", fd, Iovec, 1, Result));
        return abi.Memory.ReadString(Buffer, abi.Memory.ReadInt32(Result));
    }

    /// <summary>fd_readdir's names, in order.</summary>
    public List<string> ReadDir(int fd)
    {
        Assert.Equal(0, abi.Call("fd_readdir", fd, Buffer, 4096, 0L, Result));
        var used = abi.Memory.ReadInt32(Result);
        var names = new List<string>();
        for (var at = 0; at + 24 <= used;)
        {
            var length = abi.Memory.ReadInt32(Buffer + at + 16);
            names.Add(abi.Memory.ReadString(Buffer + at + 24, length));
            at += 24 + length;
        }

        return names;
    }

    public int Close(int fd) => abi.Call("fd_close", fd);

    public int Mkdir(string path) => abi.Call("path_create_directory", Preopen, Path1, abi.Put(Path1, path));

    public int Rmdir(string path) => abi.Call("path_remove_directory", Preopen, Path1, abi.Put(Path1, path));

    public int Unlink(string path) => abi.Call("path_unlink_file", Preopen, Path1, abi.Put(Path1, path));

    public int Rename(string from, string to) =>
        abi.Call("path_rename", Preopen, Path1, abi.Put(Path1, from), Preopen, Path2, abi.Put(Path2, to));

    public int Link(string from, string to) =>
        abi.Call("path_link", Preopen, 0, Path1, abi.Put(Path1, from), Preopen, Path2, abi.Put(Path2, to));

    public int Symlink(string target, string path) =>
        abi.Call("path_symlink", Path1, abi.Put(Path1, target), Preopen, Path2, abi.Put(Path2, path));

    public int Readlink(string path, out string target)
    {
        var result = abi.Call("path_readlink", Preopen, Path1, abi.Put(Path1, path), Buffer, 256, Result);
        target = result == 0 ? abi.Memory.ReadString(Buffer, abi.Memory.ReadInt32(Result)) : "";
        return result;
    }

    /// <summary>path_filestat_get; the inode in <paramref name="inode"/>.</summary>
    public int Stat(string path, out ulong inode)
    {
        var result = abi.Call("path_filestat_get", Preopen, 0, Path1, abi.Put(Path1, path), StatBuffer);
        inode = result == 0 ? (ulong)abi.Memory.ReadInt64(StatBuffer + 8) : 0;
        return result;
    }

    /// <summary>path_filestat_set_times with both times set to <paramref name="seconds"/> after the epoch.</summary>
    public int SetTimes(string path, long seconds)
    {
        const int atim = 1, mtim = 4;
        return abi.Call("path_filestat_set_times", Preopen, 0, Path1, abi.Put(Path1, path), seconds * 1_000_000_000, seconds * 1_000_000_000, atim | mtim);
    }
}
