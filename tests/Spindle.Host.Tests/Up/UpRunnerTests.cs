using System.Net;
using System.Net.Sockets;
using Spindle.Host.Up;

namespace Spindle.Host.Tests.Up;

/// <summary>`spindle up` end to end (real Kestrel on a free port, real HttpClient) and its one-line errors on bad input.</summary>
public sealed class UpRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spindle-up-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string? NoEnvironment(string name) => null;

    [Fact]
    public async Task Up_ServesSampleHello_AndPrintsRoutesAsSpin()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var arguments = new UpArguments
        {
            From = Path.Combine(TestEnvironment.RepoRoot, "samples", "hello"),
            Listen = "127.0.0.1:0",
            LogDir = Path.Combine(_directory, "logs"),
        };

        var run = UpRunner.RunAsync(arguments, output, error, NoEnvironment, stop.Token, url => serving.TrySetResult(url));
        var baseUrl = await await Task.WhenAny(serving.Task, run.ContinueWith(t => $"exited {t.Result}: {error}", TaskScheduler.Default));
        Assert.StartsWith("http://127.0.0.1:", baseUrl, StringComparison.Ordinal);

        using var client = new HttpClient();
        Assert.Equal("Hello, Spindle!\n", await client.GetStringAsync(baseUrl + "/hello"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(baseUrl + "/")).StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        var logDir = Path.GetFullPath(Path.Combine(_directory, "logs"));
        Assert.Equal(
            $"Logging component stdio to \"{logDir}/\"\n\nServing {baseUrl}\nAvailable Routes:\n  hello: {baseUrl}/hello\n    Says hello\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Up_PortInUse_PrintsSpinMessage()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        var (code, error) = await RunAsync(new UpArguments { From = Path.Combine(TestEnvironment.RepoRoot, "samples", "hello"), Listen = address, LogDir = _directory });

        Assert.Equal(1, code);
        Assert.Equal($"Error: {address} is already in use. To have Spin search for a free port, use the --find-free-port option.", error);
    }

    [Theory]
    [InlineData("broken", "spin_manifest_version = 2\n[application\nname = \"x\"\n", "spin.toml")]
    [InlineData("missing-wasm", App + Trigger + "[component.a]\nsource = \"missing.wasm\"\n", "missing.wasm'. Build the app (spindle build) or fix `source`")]
    [InlineData("not-wasm", App + Trigger + "[component.a]\nsource = \"spin.toml\"\n", "invalid Wasm in 'file://")]
    [InlineData("bad-route", App + "[[trigger.http]]\nroute = \"/a/*/b\"\ncomponent = \"a\"\nexecutor = { type = \"wagi\" }\n" + Component, "Error parsing route /a/*/b associated with component a")]
    [InlineData("http-executor", App + "[[trigger.http]]\nroute = \"/a\"\ncomponent = \"a\"\n" + Component, "component 'a' uses the 'http' executor")]
    public async Task Up_BadApp_PrintsOneClearErrorAndFails(string name, string manifest, string expected)
    {
        var directory = Path.Combine(_directory, name);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "spin.toml"), manifest);
        File.Copy(Path.Combine(TestEnvironment.RepoRoot, "samples", "hello", "hello.wasm"), Path.Combine(directory, "hello.wasm"));

        var (code, error) = await RunAsync(new UpArguments { From = directory, Listen = "127.0.0.1:0", LogDir = _directory });

        Assert.Equal(1, code);
        Assert.StartsWith("Error: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("10parsecs")]
    [InlineData("5")]
    public async Task Up_BadRequestTimeout_PrintsError(string timeout)
    {
        var (code, error) = await RunAsync(new UpArguments { From = Path.Combine(TestEnvironment.RepoRoot, "samples", "hello"), RequestTimeout = timeout });

        Assert.Equal(1, code);
        Assert.StartsWith("Error: --request-timeout: invalid duration", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_FromLockedAppJson_Serves()
    {
        var manifest = Spindle.Spin.Manifest.SpinManifest.Load(Path.Combine(TestEnvironment.RepoRoot, "samples", "hello", "spin.toml"));
        var locked = Path.Combine(_directory, "app.json");
        await File.WriteAllBytesAsync(locked, Spindle.Spin.Locked.ManifestLocker.Lock(manifest).ToJson());
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = UpRunner.RunAsync(new UpArguments { From = locked, Listen = "127.0.0.1:0", LogDir = _directory }, output, error, NoEnvironment, stop.Token, url => serving.TrySetResult(url));
        var baseUrl = await await Task.WhenAny(serving.Task, run.ContinueWith(t => $"exited {t.Result}: {error}", TaskScheduler.Default));

        using var client = new HttpClient();
        Assert.Equal("Hello, Spindle!\n", await client.GetStringAsync(baseUrl + "/hello"));
        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task Up_UnknownComponentId_PrintsError()
    {
        var (code, error) = await RunAsync(new UpArguments { From = Path.Combine(TestEnvironment.RepoRoot, "samples", "hello"), ComponentIds = ["nope"], LogDir = _directory });

        Assert.Equal(1, code);
        Assert.Equal("Error: Specified component \"nope\" not found in application", error);
    }

    [Fact]
    public async Task Up_ComponentsToRetainFromEnvironment_AreChecked()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var arguments = new UpArguments { From = Path.Combine(TestEnvironment.RepoRoot, "samples", "hello"), LogDir = _directory };

        var code = await UpRunner.RunAsync(arguments, output, error, name => name == "SPIN_COMPONENTS_TO_RETAIN" ? "hello, nope" : null, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Equal("Error: Specified component \"nope\" not found in application", error.ToString().Trim());
    }

    [Fact]
    public async Task Up_EnvWithoutEquals_PrintsError()
    {
        var (code, error) = await RunAsync(new UpArguments { From = Path.Combine(TestEnvironment.RepoRoot, "samples", "hello"), Env = ["NOVALUE"] });

        Assert.Equal(1, code);
        Assert.Equal("Error: -e/--env 'NOVALUE': expected NAME=VALUE", error);
    }

    [Fact]
    public async Task Up_UnwritableLogDir_PrintsOneClearError()
    {
        var file = Path.Combine(_directory, "a-file");
        await File.WriteAllTextAsync(file, "x");
        var logDir = Path.Combine(file, "logs");

        var (code, error) = await RunAsync(new UpArguments { From = Path.Combine(TestEnvironment.RepoRoot, "samples", "hello"), Listen = "127.0.0.1:0", LogDir = logDir });

        Assert.Equal(1, code);
        Assert.StartsWith($"Error: cannot create the log directory '{logDir}': ", error, StringComparison.Ordinal);
        Assert.EndsWith("Pass a writable directory with -L/--log-dir (or SPIN_LOG_DIR)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_VariableFromMissingFile_NamesTheFileAndTheFix()
    {
        var missing = Path.Combine(_directory, "missing.txt");

        var (code, error) = await RunAsync(new UpArguments { From = Path.Combine(TestEnvironment.RepoRoot, "samples", "hello"), Listen = "127.0.0.1:0", LogDir = _directory, Variables = [$"x=@{missing}"] });

        Assert.Equal(1, code);
        Assert.StartsWith($"Error: --variable x=@{missing}: cannot read '{missing}': ", error, StringComparison.Ordinal);
        Assert.EndsWith("Give NAME=@FILE an existing file, or NAME=VALUE", error, StringComparison.Ordinal);
    }

    private const string App = "spin_manifest_version = 2\n[application]\nname = \"bad\"\n";
    private const string Trigger = "[[trigger.http]]\nroute = \"/a\"\ncomponent = \"a\"\nexecutor = { type = \"wagi\" }\n";
    private const string Component = "[component.a]\nsource = \"hello.wasm\"\n";

    private static async Task<(int Code, string Error)> RunAsync(UpArguments arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await UpRunner.RunAsync(arguments, output, error, NoEnvironment, CancellationToken.None);
        return (code, error.ToString().Trim());
    }
}
