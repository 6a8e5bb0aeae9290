using Spindle.Wasi.Abi;
using Spindle.Wasi.Native;
using Spindle.Wasi.Sandbox;

namespace Spindle.Wasi.Tests.Sandbox;

public sealed class PathResolverTests : IDisposable
{
    private readonly TempDirectory _root = ProgramRunner.TempDir();
    private readonly DirectoryEntry _preopen;

    public PathResolverTests()
    {
        var pre = _root.Combine("pre");
        Directory.CreateDirectory(Path.Combine(pre, "sub", "deeper"));
        Directory.CreateDirectory(_root.Combine("outside"));
        File.WriteAllText(Path.Combine(pre, "sub", "file"), "x");
        File.CreateSymbolicLink(Path.Combine(pre, "l1"), "l2");
        File.CreateSymbolicLink(Path.Combine(pre, "l2"), "sub");
        File.CreateSymbolicLink(Path.Combine(pre, "up"), "../outside");
        File.CreateSymbolicLink(Path.Combine(pre, "sub", "back"), "../sub/deeper/..");
        File.CreateSymbolicLink(Path.Combine(pre, "self"), "self");
        _preopen = DirectoryEntry.ForPreopen(PreopenRoot.Open(new WasiPreopen(pre, "/")));
    }

    public static TheoryData<bool> BothResolutions => new() { true, false };

    [Theory]
    [InlineData("sub/file", "sub/file", "file", true)]
    [InlineData("sub/./deeper/../file", "sub/file", "file", true)]
    [InlineData("sub//deeper/", "sub/deeper", "deeper", true)]
    [InlineData(".", "", ".", true)]
    [InlineData("sub/..", "", ".", true)]
    [InlineData("l1/file", "sub/file", "file", true)]
    [InlineData("sub/back/file", "sub/file", "file", true)]
    [InlineData("missing", "missing", "missing", true)]
    [InlineData("sub/file", "sub/file", "file", false)]
    [InlineData("sub/./deeper/../file", "sub/file", "file", false)]
    [InlineData("sub//deeper/", "sub/deeper", "deeper", false)]
    [InlineData(".", "", ".", false)]
    [InlineData("sub/..", "", ".", false)]
    [InlineData("l1/file", "sub/file", "file", false)]
    [InlineData("sub/back/file", "sub/file", "file", false)]
    [InlineData("missing", "missing", "missing", false)]
    public void Resolves_InsideThePreopen(string path, string expected, string name, bool beneath)
    {
        Assert.Equal(Errno.Success, PathResolver.Resolve(_preopen, path, followFinal: true, out var resolved, beneath));
        using (resolved)
        {
            Assert.Equal(expected, resolved!.RelativePath);
            Assert.Equal(name, resolved.Name);

            // The descriptor is the directory inside the preopen that holds the target.
            var parent = expected.Contains('/', StringComparison.Ordinal) ? expected[..expected.LastIndexOf('/')] : "";
            var holder = name == "." ? expected : parent;
            Assert.Equal(Inode(Path.Combine(_root.Combine("pre"), holder)), Inode(resolved.DirFd));
        }
    }

    // witx errno numbers: 63 EPERM, 32 ELOOP, 44 ENOENT, 54 ENOTDIR (28 EINVAL, 25 EILSEQ below).
    [Theory]
    [InlineData("..", 63)]
    [InlineData("sub/../..", 63)]
    [InlineData("sub/deeper/../../../pre/sub", 63)]
    [InlineData("/sub", 63)]
    [InlineData("up", 63)]
    [InlineData("up/anything", 63)]
    [InlineData("self", 32)]
    [InlineData("", 44)]
    [InlineData("missing/file", 44)]
    [InlineData("sub/file/x", 54)]
    public void Refuses_EscapesAndBadPaths(string path, int expected)
    {
        Assert.Equal((Errno)expected, PathResolver.Resolve(_preopen, path, followFinal: true, out _, beneath: true));
        Assert.Equal((Errno)expected, PathResolver.Resolve(_preopen, path, followFinal: true, out _, beneath: false));
    }

    [Theory]
    [MemberData(nameof(BothResolutions))]
    public void FinalSymlink_IsNotFollowed_WhenNotAsked(bool beneath)
    {
        Assert.Equal(Errno.Success, PathResolver.Resolve(_preopen, "up", followFinal: false, out var resolved, beneath));
        using (resolved)
        {
            Assert.Equal("up", resolved!.RelativePath);
            Assert.Equal("up", resolved.Name);
        }
    }

    [Theory]
    [MemberData(nameof(BothResolutions))]
    public void SubdirectoryDescriptor_CannotClimbAboveThePreopen(bool beneath)
    {
        var sub = OpenSub("sub");

        Assert.Equal(Errno.Success, PathResolver.Resolve(sub, "../l1/file", followFinal: true, out var resolved, beneath));
        using (resolved)
        {
            Assert.Equal("sub/file", resolved!.RelativePath);
        }

        Assert.Equal(Errno.Perm, PathResolver.Resolve(sub, "../../pre", followFinal: true, out _, beneath));
        sub.Close();
    }

    [Theory]
    [MemberData(nameof(BothResolutions))]
    public void SubdirectoryDescriptor_FollowsItsDirectory_WhenARenameAndASymlinkReplaceIt(bool beneath)
    {
        var sub = OpenSub("sub");
        var pre = _root.Combine("pre");
        Directory.Move(Path.Combine(pre, "sub"), Path.Combine(pre, "moved"));
        File.CreateSymbolicLink(Path.Combine(pre, "sub"), "../outside");

        // The descriptor is the directory, wherever it went: names under it are looked up in it, never through the link.
        Assert.Equal(Errno.Success, PathResolver.Resolve(sub, "file", followFinal: true, out var resolved, beneath));
        using (resolved)
        {
            Assert.Equal(Inode(Path.Combine(pre, "moved")), Inode(resolved!.DirFd));
        }

        // Climbing above it walks its recorded path again from the preopen, and meets the symlink.
        Assert.Equal(Errno.Perm, PathResolver.Resolve(sub, "../sub/x", followFinal: true, out _, beneath));
        sub.Close();
    }

    private DirectoryEntry OpenSub(string path)
    {
        Assert.Equal(Errno.Success, PathResolver.Resolve(_preopen, path, followFinal: true, out var resolved, beneath: false));
        using (resolved)
        {
            var fd = Libc.OpenAt(resolved!.DirFd, resolved.Name, Libc.OPathDirectory, 0);
            Assert.True(fd >= 0);
            return DirectoryEntry.ForOpened(_preopen.Root, fd, resolved.RelativePath);
        }
    }

    private static ulong Inode(string path)
    {
        Assert.Equal(0, FileStatus.FromAt(Libc.AtFdCwd, path, out var status));
        return status.Ino;
    }

    private static ulong Inode(int fd)
    {
        Assert.Equal(0, FileStatus.FromFd(fd, out var status));
        return status.Ino;
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x00 }, 28)]
    [InlineData(new byte[] { 0xC3, 0x28 }, 25)]
    [InlineData(new byte[] { 0x61, 0x2F, 0x62 }, 0)]
    public void Decode_RejectsNulAndInvalidUtf8(byte[] bytes, int expected)
    {
        Assert.Equal((Errno)expected, PathResolver.Decode(bytes, out _));
    }

    public void Dispose()
    {
        _preopen.Close();
        _root.Dispose();
    }
}
