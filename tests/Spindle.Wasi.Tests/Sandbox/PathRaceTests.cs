namespace Spindle.Wasi.Tests.Sandbox;

/// <summary>
/// The check-then-use race of path resolution: a directory on the guest's path is swapped for a symlink pointing
/// outside the preopen after the path was resolved (by the host, or by another instance sharing the preopen). The
/// operation must then fail or happen inside; nothing outside may be read or changed.
/// </summary>
public sealed class PathRaceTests : IDisposable
{
    private const int Success = 0;

    private readonly TempDirectory _root = ProgramRunner.TempDir();
    private readonly string _pre;
    private readonly string _outside;

    public PathRaceTests()
    {
        _pre = _root.Combine("pre");
        _outside = _root.Combine("outside");

        // The same names on both sides, so an operation that followed the swapped-in link would succeed outside.
        foreach (var (directory, content) in new[] { (Path.Combine(_pre, "dir"), "inside"), (_outside, "secret") })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, "sub"));
            File.WriteAllText(Path.Combine(directory, "file.txt"), content);
            File.CreateSymbolicLink(Path.Combine(directory, "lnk"), content + "-target");
        }
    }

    /// <summary>Where "dir" went once the swap happened.</summary>
    private string Real => Path.Combine(_pre, "dir_real");

    public static TheoryData<string, bool> Operations()
    {
        var data = new TheoryData<string, bool>();
        foreach (var operation in new[] { "open_write", "open_create", "open_read", "open_dir", "mkdir", "rmdir", "unlink", "rename", "link", "symlink", "readlink", "stat", "set_times" })
        {
            data.Add(operation, true);
            data.Add(operation, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void DirectorySwappedForSymlink_AfterResolution_OperationStaysInside(string operation, bool beneath)
    {
        var before = SandboxTests.Snapshot(_outside);
        using var abi = new AbiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(_pre, "/")] });
        abi.Context.UseBeneath = beneath;
        var files = new GuestFiles(abi);

        // Swap at the last resolution of the operation (the target of rename/link), just before the host call.
        var trigger = operation switch { "rename" => "dir/renamed.txt", "link" => "dir/hard.txt", "symlink" => "dir/sym", "open_dir" => "dir", "open_create" => "dir/new.txt", "mkdir" => "dir/made", "rmdir" => "dir/sub", "readlink" => "dir/lnk", _ => "dir/file.txt" };
        var swaps = 0;
        abi.Context.AfterResolve = path =>
        {
            if (path == trigger && swaps++ == 0)
            {
                SwapDirectoryForSymlink();
            }
        };

        switch (operation)
        {
            case "open_write":
                Assert.Equal(Success, files.Open("dir/file.txt", GuestFiles.Trunc, GuestFiles.FdWrite, out var written));
                Assert.Equal(Success, files.Write(written, "changed"));
                Assert.Equal(Success, files.Close(written));
                Assert.Equal("changed", File.ReadAllText(Path.Combine(Real, "file.txt")));
                break;
            case "open_create":
                Assert.Equal(Success, files.Open("dir/new.txt", GuestFiles.Creat, GuestFiles.FdWrite, out var created));
                Assert.Equal(Success, files.Close(created));
                Assert.True(File.Exists(Path.Combine(Real, "new.txt")));
                break;
            case "open_read":
                Assert.Equal(Success, files.Open("dir/file.txt", 0, GuestFiles.FdRead, out var read));
                Assert.Equal("inside", files.Read(read));
                break;
            case "open_dir":
                // The name itself became the symlink: opening it as a directory must refuse it, not follow it.
                Assert.NotEqual(Success, files.Open("dir", GuestFiles.Directory, GuestFiles.FdReaddir, out _));
                break;
            case "mkdir":
                Assert.Equal(Success, files.Mkdir("dir/made"));
                Assert.True(System.IO.Directory.Exists(Path.Combine(Real, "made")));
                break;
            case "rmdir":
                Assert.Equal(Success, files.Rmdir("dir/sub"));
                Assert.False(System.IO.Directory.Exists(Path.Combine(Real, "sub")));
                break;
            case "unlink":
                Assert.Equal(Success, files.Unlink("dir/file.txt"));
                Assert.False(File.Exists(Path.Combine(Real, "file.txt")));
                break;
            case "rename":
                Assert.Equal(Success, files.Rename("dir/file.txt", "dir/renamed.txt"));
                Assert.True(File.Exists(Path.Combine(Real, "renamed.txt")));
                break;
            case "link":
                Assert.Equal(Success, files.Link("dir/file.txt", "dir/hard.txt"));
                Assert.Equal("inside", File.ReadAllText(Path.Combine(Real, "hard.txt")));
                break;
            case "symlink":
                Assert.Equal(Success, files.Symlink("file.txt", "dir/sym"));
                Assert.Equal("file.txt", File.ResolveLinkTarget(Path.Combine(Real, "sym"), returnFinalTarget: false)?.Name);
                break;
            case "readlink":
                Assert.Equal(Success, files.Readlink("dir/lnk", out var target));
                Assert.Equal("inside-target", target);
                break;
            case "stat":
                Assert.Equal(Success, files.Stat("dir/file.txt", out var inode));
                Assert.NotEqual(InodeOf(Path.Combine(_outside, "file.txt")), inode);
                Assert.Equal(InodeOf(Path.Combine(Real, "file.txt")), inode);
                break;
            case "set_times":
                Assert.Equal(Success, files.SetTimes("dir/file.txt", 1_000_000));
                Assert.Equal(DateTime.UnixEpoch.AddSeconds(1_000_000), File.GetLastWriteTimeUtc(Path.Combine(Real, "file.txt")));
                break;
        }

        Assert.Equal(1, swaps);
        Assert.Equal(before, SandboxTests.Snapshot(_outside));
        Assert.Equal("secret", File.ReadAllText(Path.Combine(_outside, "file.txt")));
    }

    public void Dispose() => _root.Dispose();

    private void SwapDirectoryForSymlink()
    {
        System.IO.Directory.Move(Path.Combine(_pre, "dir"), Real);
        File.CreateSymbolicLink(Path.Combine(_pre, "dir"), _outside);
    }

    private static ulong InodeOf(string path)
    {
        Assert.Equal(0, Spindle.Wasi.Native.FileStatus.FromAt(Spindle.Wasi.Native.Libc.AtFdCwd, path, out var status));
        return status.Ino;
    }
}
