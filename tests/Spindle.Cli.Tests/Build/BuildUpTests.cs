using System.CommandLine;
using System.Text.RegularExpressions;

namespace Spindle.Cli.Tests.Build;

/// <summary>
/// `spindle new http-c` then `spindle build --up`: the template builds with clang-14 + wasi-libc and serves out of the
/// box (real clang, real Kestrel on a free port, real HttpClient), and up's arguments pass through build.
/// </summary>
public sealed partial class BuildUpTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spindle-build-up-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [RequiresFact(Requirement.WasiToolchain)]
    public async Task NewHttpC_BuildUp_ServesTheTemplatesAnswer()
    {
        var app = Path.Combine(_directory, "greeter");
        var (created, _, createError) = await InvokeAsync(["new", "http-c", "greeter", "--output", app, "--value", "http-path=/greet/..."]);
        Assert.True(created == 0, createError);

        using var output = new CapturingWriter();
        using var error = new CapturingWriter();
        using var stop = new CancellationTokenSource();
        var run = SpindleCommand.Create()
            .Parse(["build", "--from", Path.Combine(app, "spin.toml"), "--up", "--listen", "127.0.0.1:0", "--log-dir", Path.Combine(_directory, "logs")])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, stop.Token);

        var serving = output.WaitForAsync(ServingLine());
        if (await Task.WhenAny(serving, run) != serving)
        {
            Assert.Fail($"build --up exited with {await run} before serving:\n{output}\n{error}");
        }

        var baseUrl = (await serving).Groups["url"].Value;
        using var client = new HttpClient();
        var body = await client.GetStringAsync(new Uri(baseUrl + "/greet/there"));
        await stop.CancelAsync();

        Assert.Equal($"Hello World!\nYou sent GET {baseUrl}/greet/there\n", body);
        Assert.Equal(0, await run);
        Assert.Contains("Finished building all Spin components", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"  greeter: {baseUrl}/greet (wildcard)", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app, "main.wasm")));
    }

    [Fact]
    public async Task Build_UpArgumentsWithoutUp_AreRefused()
    {
        var (code, _, error) = await InvokeAsync(["build", "--from", Path.Combine(_directory, "spin.toml"), "--listen", "127.0.0.1:0"]);

        Assert.Equal(1, code);
        Assert.StartsWith("Error: unexpected argument '--listen'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildUp_BadUpArgument_FailsAfterBuildWithUpsMessage()
    {
        var app = Path.Combine(_directory, "empty");
        Assert.Equal(0, (await InvokeAsync(["new", "http-empty", "empty", "-o", app])).Code);

        var (code, _, error) = await InvokeAsync(["build", "-f", app, "--up", "--request-timeout", "soon"]);

        Assert.Equal(1, code);
        Assert.Contains("--request-timeout", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> InvokeAsync(string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SpindleCommand.Create().Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"Serving (?<url>http://127\.0\.0\.1:\d+)\n")]
    private static partial Regex ServingLine();
}
