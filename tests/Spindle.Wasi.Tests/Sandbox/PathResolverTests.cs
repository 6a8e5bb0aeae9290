using Spindle.Wasi.Abi;
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
        _preopen = new DirectoryEntry(new WasiPreopen(pre, "/"), pre, "", "/");
    }

    [Theory]
    [InlineData("sub/file", "sub/file")]
    [InlineData("sub/./deeper/../file", "sub/file")]
    [InlineData("sub//deeper/", "sub/deeper")]
    [InlineData(".", "")]
    [InlineData("sub/..", "")]
    [InlineData("l1/file", "sub/file")]
    [InlineData("sub/back/file", "sub/file")]
    [InlineData("missing", "missing")]
    public void Resolves_InsideThePreopen(string path, string expected)
    {
        Assert.Equal(Errno.Success, PathResolver.Resolve(_preopen, path, followFinal: true, out var resolved));
        Assert.Equal(expected, resolved.RelativePath);
        Assert.StartsWith(_preopen.RootHostPath, resolved.HostPath, StringComparison.Ordinal);
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
        Assert.Equal((Errno)expected, PathResolver.Resolve(_preopen, path, followFinal: true, out _));
    }

    [Fact]
    public void FinalSymlink_IsNotFollowed_WhenNotAsked()
    {
        Assert.Equal(Errno.Success, PathResolver.Resolve(_preopen, "up", followFinal: false, out var resolved));
        Assert.Equal("up", resolved.RelativePath);
    }

    [Fact]
    public void SubdirectoryDescriptor_CannotClimbAboveThePreopen()
    {
        var sub = new DirectoryEntry(_preopen.Root, _preopen.RootHostPath, "sub", null);

        Assert.Equal(Errno.Success, PathResolver.Resolve(sub, "../l1/file", followFinal: true, out var resolved));
        Assert.Equal("sub/file", resolved.RelativePath);
        Assert.Equal(Errno.Perm, PathResolver.Resolve(sub, "../../pre", followFinal: true, out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x00 }, 28)]
    [InlineData(new byte[] { 0xC3, 0x28 }, 25)]
    [InlineData(new byte[] { 0x61, 0x2F, 0x62 }, 0)]
    public void Decode_RejectsNulAndInvalidUtf8(byte[] bytes, int expected)
    {
        Assert.Equal((Errno)expected, PathResolver.Decode(bytes, out _));
    }

    public void Dispose() => _root.Dispose();
}
