using Spindle.Spin.Build;
using Spindle.Spin.Manifest;

namespace Spindle.Spin.Tests.Build;

public sealed class AppBuilderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spindle-build-test-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private SpinManifest Write(string components)
    {
        var path = Path.Combine(_dir, "spin.toml");
        File.WriteAllText(path, "spin_manifest_version = 2\n[application]\nname = \"b\"\n[[trigger.http]]\nroute = \"/...\"\ncomponent = \"first\"\n" + components);
        return SpinManifest.Load(path);
    }

    private Task BuildAsync(SpinManifest manifest, params string[] ids)
        => new AppBuilder(TextWriter.Synchronized(_out), TextWriter.Synchronized(_err)).BuildAsync(manifest, ids, CancellationToken.None);

    [Fact]
    public async Task Build_RunsCommandsInOrderInWorkdir_StreamingOutput()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        var manifest = Write("""
            [component.first]
            source = "first.wasm"
            build = { command = ["echo one > order.txt", "echo two >> order.txt; echo to-stdout; echo to-stderr >&2"], workdir = "sub" }
            [component.second]
            source = "second.wasm"
            build = { command = "pwd > where.txt" }
            """);

        await BuildAsync(manifest);

        Assert.Equal("one\ntwo\n", File.ReadAllText(Path.Combine(_dir, "sub", "order.txt")));
        Assert.Equal(_dir, File.ReadAllText(Path.Combine(_dir, "where.txt")).Trim(), ignoreCase: false);
        var output = _out.ToString();
        Assert.Contains("Building component first (2 commands)", output);
        Assert.Contains("Running build step 2/2 for component first with 'echo two >> order.txt; echo to-stdout; echo to-stderr >&2'", output);
        Assert.Contains("Building component second with `pwd > where.txt`", output);
        Assert.Contains("to-stdout", output);
        Assert.EndsWith("Finished building all Spin components" + Environment.NewLine, output);
        Assert.Contains("to-stderr", _err.ToString());
    }

    [Fact]
    public async Task Build_FailingCommand_StopsAndNamesComponentAndCommand()
    {
        var manifest = Write("""
            [component.first]
            source = "first.wasm"
            build = { command = ["exit 3", "touch never.txt"] }
            [component.second]
            source = "second.wasm"
            build = { command = "touch second.txt" }
            """);

        var e = await Assert.ThrowsAsync<BuildException>(() => BuildAsync(manifest));

        Assert.Equal("Build command for component first failed with status Exited(3): `exit 3`", e.Message);
        Assert.Equal(("first", "exit 3", 3), (e.ComponentId, e.Command, e.ExitCode));
        Assert.False(File.Exists(Path.Combine(_dir, "never.txt")));
        Assert.False(File.Exists(Path.Combine(_dir, "second.txt")));
    }

    [Fact]
    public async Task Build_SelectedComponent_OnlyBuildsIt()
    {
        var manifest = Write("""
            [component.first]
            source = "first.wasm"
            build = { command = "touch first.txt" }
            [component.second]
            source = "second.wasm"
            build = { command = "touch second.txt" }
            """);

        await BuildAsync(manifest, "second");

        Assert.False(File.Exists(Path.Combine(_dir, "first.txt")));
        Assert.True(File.Exists(Path.Combine(_dir, "second.txt")));
    }

    [Fact]
    public async Task Build_UnknownComponent_IsAnError()
    {
        var manifest = Write("[component.first]\nsource = \"first.wasm\"\n");

        var e = await Assert.ThrowsAsync<BuildException>(() => BuildAsync(manifest, "nope", "other"));

        Assert.Equal("Unknown component(s) nope, other", e.Message);
    }

    [Fact]
    public async Task Build_NoBuildCommands_SaysSo()
    {
        await BuildAsync(Write("[component.first]\nsource = \"first.wasm\"\n"));

        Assert.StartsWith("None of the components have a build command.", _out.ToString());
    }

    [Fact]
    public async Task Build_MissingWorkdir_CannotSpawn()
    {
        var manifest = Write("[component.first]\nsource = \"first.wasm\"\nbuild = { command = \"true\", workdir = \"missing\" }\n");

        var e = await Assert.ThrowsAsync<BuildException>(() => BuildAsync(manifest));

        Assert.StartsWith("Cannot spawn build process 'true' for component first:", e.Message);
    }

    [Fact]
    public async Task Build_AbsoluteWorkdir_IsRejected()
    {
        var manifest = Write("[component.first]\nsource = \"first.wasm\"\nbuild = { command = \"true\", workdir = \"/tmp\" }\n");

        var e = await Assert.ThrowsAsync<BuildException>(() => BuildAsync(manifest));

        Assert.Equal("The workdir specified in the application file must be relative.", e.Message);
    }

    [Fact]
    public async Task TryReadBuildSettings_ManifestWithOtherErrors_StillBuilds()
    {
        var path = Path.Combine(_dir, "spin.toml");
        File.WriteAllText(path, "spin_manifest_version = 2\n[application]\nnme = \"x\"\n[component.first]\nsource = \"first.wasm\"\nbuild = { command = \"touch built.txt\" }\n");
        Assert.Throws<ManifestException>(() => SpinManifest.Load(path));

        var settings = SpinManifest.TryReadBuildSettings(path)!;
        await new AppBuilder(_out, _err).BuildAsync(settings, _dir, [], CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(_dir, "built.txt")));
    }

    [Fact]
    public void TryReadBuildSettings_InvalidBuildTable_IsNull()
    {
        var path = Path.Combine(_dir, "spin.toml");
        File.WriteAllText(path, "spin_manifest_version = 2\n[component.first]\nbuild = { command = 3 }\n");

        Assert.Null(SpinManifest.TryReadBuildSettings(path));
    }
}
