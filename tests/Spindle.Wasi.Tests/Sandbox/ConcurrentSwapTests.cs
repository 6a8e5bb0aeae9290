namespace Spindle.Wasi.Tests.Sandbox;

/// <summary>
/// A real swapper thread turns a directory of the preopen into a symlink to the outside and back, as fast as it can,
/// while the guest works under that directory. However the two interleave, no access may reach the outside. Bounded by
/// iteration counts, not time; the errnos the guest sees depend on the interleaving and are not asserted.
/// </summary>
public sealed class ConcurrentSwapTests
{
    private const int Iterations = 1000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ConcurrentSwapper_NeverLetsAnAccessEscape(bool beneath)
    {
        using var root = ProgramRunner.TempDir();
        var pre = root.Combine("pre");
        var outside = root.Combine("outside");
        var dir = Path.Combine(pre, "dir");
        var real = Path.Combine(pre, "dir_real");
        foreach (var (directory, content) in new[] { (dir, "inside"), (outside, "secret") })
        {
            Directory.CreateDirectory(Path.Combine(directory, "sub"));
            File.WriteAllText(Path.Combine(directory, "file.txt"), content);
            File.WriteAllText(Path.Combine(directory, "victim.txt"), content);
        }

        var before = SandboxTests.Snapshot(outside);
        using var abi = new AbiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(pre, "/")] });
        abi.Context.UseBeneath = beneath;
        var files = new GuestFiles(abi);
        using var firstSwap = new ManualResetEventSlim();
        var stop = 0;
        Exception? swapperFailure = null;
        var swapper = new Thread(() =>
        {
            try
            {
                // Bounded too, in case the guest loop dies: at most a million swaps.
                for (var i = 0; i < 1_000_000 && Volatile.Read(ref stop) == 0; i++)
                {
                    Directory.Move(dir, real);
                    File.CreateSymbolicLink(dir, outside);
                    firstSwap.Set();
                    File.Delete(dir);
                    Directory.Move(real, dir);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                swapperFailure = e;
                firstSwap.Set();
            }
        });
        swapper.Start();
        firstSwap.Wait();
        var reads = new List<string>();
        try
        {
            for (var i = 0; i < Iterations; i++)
            {
                if (files.Open("dir/file.txt", GuestFiles.Trunc, GuestFiles.FdWrite, out var written) == 0)
                {
                    _ = files.Write(written, "changed");
                    _ = files.Close(written);
                }

                if (files.Open("dir/file.txt", 0, GuestFiles.FdRead, out var read) == 0)
                {
                    reads.Add(files.Read(read));
                    _ = files.Close(read);
                }

                if (files.Open("dir/new.txt", GuestFiles.Creat, GuestFiles.FdWrite, out var created) == 0)
                {
                    _ = files.Close(created);
                }

                _ = files.Mkdir("dir/made");
                _ = files.Rmdir("dir/made");
                _ = files.Rmdir("dir/sub");
                _ = files.Mkdir("dir/sub");
                _ = files.Unlink("dir/victim.txt");
                _ = files.Rename("dir/new.txt", "dir/victim.txt");
                _ = files.Link("dir/file.txt", "dir/hard.txt");
                _ = files.Unlink("dir/hard.txt");
                _ = files.Symlink("file.txt", "dir/sym");
                _ = files.Unlink("dir/sym");
                _ = files.SetTimes("dir/file.txt", 1_000_000);
                _ = files.Stat("dir/file.txt", out _);
            }
        }
        finally
        {
            Volatile.Write(ref stop, 1);
            swapper.Join();
        }

        Assert.Null(swapperFailure);
        Assert.Equal(before, SandboxTests.Snapshot(outside));
        Assert.Equal("secret", File.ReadAllText(Path.Combine(outside, "file.txt")));
        Assert.DoesNotContain("secret", reads);
        Assert.True(Directory.Exists(dir));
    }
}
