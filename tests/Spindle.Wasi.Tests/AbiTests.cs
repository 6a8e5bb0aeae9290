using Spindle.Wasm;

namespace Spindle.Wasi.Tests;

/// <summary>The wasi_snapshot_preview1 functions called directly: errno values, rights, bounds checks.</summary>
public sealed class AbiTests
{
    // witx errno values.
    private const int Success = 0, Badf = 8, Fault = 21, Ilseq = 25, Inval = 28, IsDir = 31, NameTooLong = 37, NoSys = 52,
        NotDir = 54, NotSock = 57, Perm = 63, Spipe = 70, NotCapable = 76;

    private const int Top = 65536;

    [Fact]
    public void EveryFunction_LinksWithItsWitxSignature()
    {
        using var abi = new AbiHarness();

        Assert.Equal(Success, abi.Call("sched_yield"));
    }

    [Theory]
    [InlineData("args_sizes_get", Top, 0)]
    [InlineData("args_sizes_get", 0, Top - 2)]
    [InlineData("random_get", Top - 10, 11)]
    [InlineData("random_get", -16, 4)]
    [InlineData("clock_time_get", 0, -1)]
    public void PointerOutsideMemory_IsEfault(string function, int first, int second)
    {
        using var abi = new AbiHarness(new WasiConfiguration { Arguments = ["x"] });

        var result = function == "clock_time_get" ? abi.Call(function, first, 0L, second) : abi.Call(function, first, second);

        Assert.Equal(Fault, result);
    }

    [Fact]
    public void IovecBufferOutsideMemory_IsEfault_AndNothingIsWritten()
    {
        using var abi = new AbiHarness();
        abi.Memory.WriteInt32(0, Top - 2);
        abi.Memory.WriteInt32(4, 16);

        Assert.Equal(Fault, abi.Call("fd_write", 1, 0, 1, 100));
        Assert.Equal(0, abi.Stdout.Length);
    }

    [Fact]
    public void FdWrite_ReportsBytesWritten()
    {
        using var abi = new AbiHarness();
        var length = abi.Put(200, "hi");
        abi.Memory.WriteInt32(0, 200);
        abi.Memory.WriteInt32(4, length);

        Assert.Equal(Success, abi.Call("fd_write", 1, 0, 1, 100));
        Assert.Equal(2, abi.Memory.ReadInt32(100));
        Assert.Equal("hi"u8.ToArray(), abi.Stdout.ToArray());
    }

    [Theory]
    [InlineData("fd_close")]
    [InlineData("fd_sync")]
    [InlineData("fd_datasync")]
    public void UnknownDescriptor_IsEbadf(string function)
    {
        using var abi = new AbiHarness();

        Assert.Equal(Badf, abi.Call(function, 99));
    }

    [Fact]
    public void Preopen_HasPrestatAndName_OthersAreEbadf()
    {
        using var dir = ProgramRunner.TempDir();
        using var abi = new AbiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(dir.Path, "/data")] });

        Assert.Equal(Success, abi.Call("fd_prestat_get", 3, 0));
        Assert.Equal(0, abi.Memory.ReadByte(0));
        Assert.Equal(5, abi.Memory.ReadInt32(4));
        Assert.Equal(Success, abi.Call("fd_prestat_dir_name", 3, 16, 5));
        Assert.Equal("/data", abi.Memory.ReadString(16, 5));
        Assert.Equal(NameTooLong, abi.Call("fd_prestat_dir_name", 3, 16, 4));
        Assert.Equal(Badf, abi.Call("fd_prestat_get", 1, 0));
        Assert.Equal(Badf, abi.Call("fd_prestat_get", 4, 0));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void PreopenRights_OmitChanges_WhenReadOnly(bool readOnly, bool canCreate)
    {
        using var dir = ProgramRunner.TempDir();
        using var abi = new AbiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(dir.Path, ".", readOnly)] });

        Assert.Equal(Success, abi.Call("fd_fdstat_get", 3, 0));
        var rights = (ulong)abi.Memory.ReadInt64(8);
        Assert.Equal(3, abi.Memory.ReadByte(0)); // directory
        Assert.NotEqual(0UL, rights & (1UL << 13)); // path_open
        Assert.Equal(canCreate, (rights & (1UL << 10)) != 0); // path_create_file
        var length = abi.Put(100, "new");
        Assert.Equal(canCreate ? Success : Perm, abi.Call("path_create_directory", 3, 100, length));
    }

    [Fact]
    public void FdstatSetRights_CanDropButNotAdd()
    {
        using var abi = new AbiHarness();
        const long fdWrite = 1 << 6;

        Assert.Equal(Success, abi.Call("fd_fdstat_set_rights", 1, fdWrite, 0L));
        Assert.Equal(NotCapable, abi.Call("fd_fdstat_set_rights", 1, fdWrite | (1 << 1), 0L));
    }

    [Fact]
    public void PathOpen_OnANonDirectory_IsEnotdir_AndBadPathsAreRejected()
    {
        using var dir = ProgramRunner.TempDir();
        using var abi = new AbiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(dir.Path, "/")] });
        var length = abi.Put(100, "x");

        Assert.Equal(NotDir, abi.Call("path_open", 1, 0, 100, length, 0, 0L, 0L, 0, 0));
        Assert.Equal(Ilseq, abi.Call("path_open", 3, 0, 200, abi.Put(200, [0xC3, 0x28]), 0, 0L, 0L, 0, 0));
        Assert.Equal(Inval, abi.Call("path_open", 3, 0, 200, abi.Put(200, [(byte)'a', 0]), 0, 0L, 0L, 0, 0));
        Assert.Equal(Perm, abi.Call("path_open", 3, 0, 200, abi.Put(200, "/"), 0, 0L, 0L, 0, 0));
    }

    [Fact]
    public void PathOpen_Directory_OpensWithAnyReadRights_ButNotForWriting()
    {
        using var dir = ProgramRunner.TempDir();
        using var abi = new AbiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(dir.Path, "/")] });
        var length = abi.Put(100, ".");
        const long read = 1 << 1, write = 1 << 6;
        const int directory = 2;

        Assert.Equal(Success, abi.Call("path_open", 3, 0, 100, length, 0, 0L, 0L, 0, 0));
        Assert.Equal(Success, abi.Call("path_open", 3, 0, 100, length, directory, read, 0L, 0, 0));
        Assert.Equal(IsDir, abi.Call("path_open", 3, 0, 100, length, directory, read | write, 0L, 0, 0));
        Assert.Equal(Success, abi.Call("fd_fdstat_get", abi.Memory.ReadInt32(0), 8));
        Assert.Equal(3, abi.Memory.ReadByte(8));
    }

    [Fact]
    public void Seek_OnAStreamIsEspipe_OnADirectoryIsEbadf()
    {
        using var dir = ProgramRunner.TempDir();
        using var abi = new AbiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(dir.Path, "/")] });

        Assert.Equal(Spipe, abi.Call("fd_seek", 1, 5L, 0, 0));
        Assert.Equal(Badf, abi.Call("fd_seek", 3, 0L, 0, 0));
    }

    [Fact]
    public void Clocks_UseTheInjectedTimeProvider_AndRejectUnknownIds()
    {
        var now = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        using var abi = new AbiHarness(new WasiConfiguration { TimeProvider = new FixedTime(now) });

        Assert.Equal(Success, abi.Call("clock_time_get", 0, 1L, 0));
        Assert.Equal(now.ToUnixTimeMilliseconds() * 1_000_000, abi.Memory.ReadInt64(0));
        Assert.Equal(Inval, abi.Call("clock_time_get", 9, 1L, 0));
        Assert.Equal(Success, abi.Call("clock_res_get", 1, 0));
        Assert.True(abi.Memory.ReadInt64(0) > 0);
    }

    [Fact]
    public void Poll_WithoutSubscriptionsIsEinval_AnExpiredClockFiresWithItsUserdata()
    {
        using var abi = new AbiHarness();

        Assert.Equal(Inval, abi.Call("poll_oneoff", 0, 100, 0, 200));
        abi.Memory.WriteInt64(0, 0x1234_5678_9ABC);
        abi.Memory.WriteByte(8, 0); // clock
        abi.Memory.WriteInt32(16, 1); // monotonic
        abi.Memory.WriteInt64(24, 0); // timeout 0
        Assert.Equal(Success, abi.Call("poll_oneoff", 0, 100, 1, 200));
        Assert.Equal(1, abi.Memory.ReadInt32(200));
        Assert.Equal(0x1234_5678_9ABC, abi.Memory.ReadInt64(100));
        Assert.Equal(0, abi.Memory.ReadInt32(108) & 0xFFFF); // error

        // A second clock an hour away does not fire with the first.
        abi.Memory.WriteInt64(48, 7);
        abi.Memory.WriteByte(56, 0);
        abi.Memory.WriteInt32(64, 1);
        abi.Memory.WriteInt64(72, 3_600_000_000_000);
        Assert.Equal(Success, abi.Call("poll_oneoff", 0, 100, 2, 200));
        Assert.Equal(1, abi.Memory.ReadInt32(200));
        Assert.Equal(0x1234_5678_9ABC, abi.Memory.ReadInt64(100));
    }

    [Fact]
    public void Sockets_NoneArePreopened()
    {
        using var abi = new AbiHarness();

        Assert.Equal(NotSock, abi.Call("sock_accept", 1, 0, 0));
        Assert.Equal(Badf, abi.Call("sock_shutdown", 42, 0));
        Assert.Equal(NotSock, abi.Call("sock_send", 1, 0, 0, 0, 0));
        Assert.Equal(NotSock, abi.Call("sock_recv", 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void ProcExit_IsAnExitNotATrap_AndProcRaiseIsEnosys()
    {
        using var abi = new AbiHarness();

        var exception = Assert.ThrowsAny<Exception>(() => abi.Invoke("proc_exit", 17));

        Assert.True(WasiExitException.TryGetExitCode(exception, out var code));
        Assert.Equal(17, code);
        Assert.Equal(NoSys, abi.Call("proc_raise", 6));
    }

    [Fact]
    public void Renumber_MovesTheDescriptor()
    {
        using var dir = ProgramRunner.TempDir();
        using var abi = new AbiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(dir.Path, "/a"), new WasiPreopen(dir.Path, "/b")] });

        Assert.Equal(Success, abi.Call("fd_renumber", 4, 3));
        Assert.Equal(Success, abi.Call("fd_prestat_dir_name", 3, 0, 2));
        Assert.Equal("/b", abi.Memory.ReadString(0, 2));
        Assert.Equal(Badf, abi.Call("fd_prestat_get", 4, 0));
        Assert.Equal(Badf, abi.Call("fd_renumber", 3, 9));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
