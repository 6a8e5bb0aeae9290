namespace Spindle.Wasi.Tests;

/// <summary>Escape attempts from a preopen (Programs/escape.c, Programs/readonly.c): each denied with its errno, nothing outside touched.</summary>
public sealed class SandboxTests
{
    // WASI errno values (witx): EPERM 63, ELOOP 32, EBADF 8, ENOENT 44.
    private static readonly string[] Expected =
    [
        "dotdot 63",
        "nested_dotdot 63",
        "absolute 63",
        "host_symlink_out 63",
        "host_symlink_abs 63",
        "create_through_link 63",
        "guest_symlink_up 63",
        "guest_symlink_abs 63",
        "guest_symlink_inside 0",
        "follow_inside 0",
        "stat_through_link 63",
        "mkdir_dotdot 63",
        "unlink_dotdot 63",
        "rename_out 63",
        "link_out 63",
        "loop 32",
        "nofollow_link 32",
        "prestat_bad_fd 8",
        "readlink_abs 63",
        "readlink_rel 0",
        "readlink_rel_target ../outside",
        "open_sub 0",
        "move_sub 0",
        "link_as_sub 0",
        "moved_dirfd_open_secret 44",
        "moved_dirfd_open_file 0",
        "moved_dirfd_readdir 0",
        "moved_dirfd_stat 0",
        "sub_moved_stat 0",
        "moved_dirfd_is_sub_moved 1",
        "moved_dirfd_climb 63",
    ];

    [Fact]
    public void EveryEscapeAttempt_IsDenied_AndNothingOutsideChanges()
    {
        using var root = ProgramRunner.TempDir();
        var preopen = root.Combine("pre");
        var outside = root.Combine("outside");
        Directory.CreateDirectory(Path.Combine(preopen, "sub"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "top secret");
        File.WriteAllText(Path.Combine(preopen, "sub", "file.txt"), "inside");
        File.CreateSymbolicLink(Path.Combine(preopen, "link_out"), "../outside");
        File.CreateSymbolicLink(Path.Combine(preopen, "link_abs"), Path.Combine(outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(preopen, "loop"), "loop");
        var before = Snapshot(outside);
        var secretAccess = File.GetLastAccessTimeUtc(Path.Combine(outside, "secret.txt"));

        var result = ProgramRunner.Run("escape", new WasiConfiguration { Preopens = [new WasiPreopen(preopen, "/")] });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Expected, result.Lines);
        Assert.Equal(before, Snapshot(outside));
        Assert.Equal(secretAccess, File.GetLastAccessTimeUtc(Path.Combine(outside, "secret.txt")));
        Assert.DoesNotContain("top secret", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(root.Path, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal("sub", File.ResolveLinkTarget(Path.Combine(preopen, "inside"), returnFinalTarget: false)?.Name);
        Assert.False(File.Exists(Path.Combine(preopen, "up")) || Directory.Exists(Path.Combine(preopen, "up")));
    }

    [Fact]
    public void ReadOnlyPreopen_AllowsReading_AndRefusesEveryChange()
    {
        using var root = ProgramRunner.TempDir();
        File.WriteAllText(root.Combine("file.txt"), "content");
        var before = Snapshot(root.Path);

        // Changes are EPERM (63, wasmtime's errno for a read-only directory); writing to a descriptor opened without
        // FD_WRITE is EBADF (8), POSIX's "not open for writing".
        var result = ProgramRunner.Run("readonly", new WasiConfiguration { Preopens = [new WasiPreopen(root.Path, "/ro", ReadOnly: true)] });

        Assert.Equal(["read 0", "create 63", "mkdir 63", "unlink 63", "write 8"], result.Lines);
        Assert.Equal(before, Snapshot(root.Path));
        Assert.Equal("content", File.ReadAllText(root.Combine("file.txt")));
    }

    /// <summary>Every entry under <paramref name="directory"/> with its size and modification time.</summary>
    internal static List<string> Snapshot(string directory)
    {
        var entries = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(path);
            entries.Add($"{Path.GetRelativePath(directory, path)} {(info.Exists ? info.Length : -1)} {info.LastWriteTimeUtc.Ticks}");
        }

        entries.Sort(StringComparer.Ordinal);
        return entries;
    }
}
