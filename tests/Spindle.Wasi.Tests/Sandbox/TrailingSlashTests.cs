namespace Spindle.Wasi.Tests.Sandbox;

/// <summary>
/// A trailing '/' means "must be a directory". The host never sees the slash (with it, the kernel would follow a
/// final symlink), so the rule is applied before the *at call; the errnos are what Linux gives for the same calls.
/// </summary>
public sealed class TrailingSlashTests
{
    // witx errno values.
    private const int Success = 0, Exist = 20, IsDir = 31, NoEnt = 44, NotDir = 54;

    [Theory]
    [InlineData("unlink file/", NotDir)]
    [InlineData("unlink dir/", IsDir)]
    [InlineData("unlink dir", IsDir)]
    [InlineData("rmdir file/", NotDir)]
    [InlineData("rename file/ x", NotDir)]
    [InlineData("rename file x/", NotDir)]
    [InlineData("rename dir/ moved/", Success)]
    [InlineData("symlink new/", NoEnt)]
    [InlineData("symlink dir/", Exist)]
    [InlineData("symlink file/", Exist)]
    [InlineData("link file new/", NoEnt)]
    [InlineData("open_create new/", IsDir)]
    [InlineData("open file/", NotDir)]
    [InlineData("stat file/", NotDir)]
    [InlineData("set_times file/", NotDir)]
    [InlineData("mkdir new/", Success)]
    [InlineData("rmdir dir/", Success)]
    public void TrailingSlash_GivesLinuxErrnos(string call, int expected)
    {
        foreach (var beneath in new[] { true, false })
        {
            using var root = ProgramRunner.TempDir();
            File.WriteAllText(root.Combine("file"), "x");
            Directory.CreateDirectory(root.Combine("dir"));
            using var abi = new AbiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(root.Path, "/")] });
            abi.Context.UseBeneath = beneath;
            var files = new GuestFiles(abi);
            var words = call.Split(' ');
            var result = words[0] switch
            {
                "unlink" => files.Unlink(words[1]),
                "rmdir" => files.Rmdir(words[1]),
                "mkdir" => files.Mkdir(words[1]),
                "rename" => files.Rename(words[1], words[2]),
                "symlink" => files.Symlink("t", words[1]),
                "link" => files.Link(words[1], words[2]),
                "open_create" => files.Open(words[1], GuestFiles.Creat, GuestFiles.FdWrite, out _),
                "open" => files.Open(words[1], 0, GuestFiles.FdRead, out _),
                "stat" => files.Stat(words[1], out _),
                _ => files.SetTimes(words[1], 1),
            };

            Assert.Equal(expected, result);
        }
    }
}
