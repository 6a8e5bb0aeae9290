using System.CommandLine;
using Spindle.Cli.Commands.New;

namespace Spindle.Cli.Tests.New;

/// <summary>`spindle new`: rendered files, Spin's name rule, refusing to overwrite, and one clear message per bad input.</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spindle-new-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task New_HttpC_WritesFilesIntoDirectoryNamedAfterApp_WithSubstitutedNames()
    {
        var (code, output, error) = await RunAsync(new NewArguments { Positionals = ["http-c", "MyApp"] });

        Assert.Equal(0, code);
        Assert.Empty(error);
        var app = Path.Combine(_directory, "MyApp");
        var manifest = await File.ReadAllTextAsync(Path.Combine(app, "spin.toml"));
        Assert.Contains("name = \"my-app\"", manifest, StringComparison.Ordinal);
        Assert.Contains("[component.my-app]", manifest, StringComparison.Ordinal);
        Assert.Contains("[component.my-app.build]", manifest, StringComparison.Ordinal);
        Assert.Contains("route = \"/...\"", manifest, StringComparison.Ordinal);
        Assert.Contains("executor = { type = \"wagi\" }", manifest, StringComparison.Ordinal);
        Assert.Contains("command = \"clang-14 --target=wasm32-wasi --sysroot=/usr -O2 main.c -o main.wasm\"", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", manifest, StringComparison.Ordinal);
        Assert.StartsWith("// MyApp:", await File.ReadAllTextAsync(Path.Combine(app, "main.c")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app, ".gitignore")));
        Assert.StartsWith("Created application 'MyApp' from template http-c in MyApp", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_TemplateOptionOutputAndValues_AreApplied()
    {
        var (code, _, error) = await RunAsync(new NewArguments
        {
            Template = "http-c",
            Positionals = ["hello world"],
            Output = "elsewhere",
            Values = ["http-path=/hello/...", "project-description=Says hi", "authors=me"],
        });

        Assert.Equal(0, code);
        Assert.Contains("Warning: template http-c has no parameter 'authors'", error, StringComparison.Ordinal);
        var manifest = await File.ReadAllTextAsync(Path.Combine(_directory, "elsewhere", "spin.toml"));
        Assert.Contains("[component.hello-world]", manifest, StringComparison.Ordinal);
        Assert.Contains("route = \"/hello/...\"", manifest, StringComparison.Ordinal);
        Assert.Contains("description = \"Says hi\"", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_NonEmptyDirectory_IsRefusedWithoutTouchingIt()
    {
        var app = Directory.CreateDirectory(Path.Combine(_directory, "taken")).FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "keep.txt"), "mine");

        var (code, _, error) = await RunAsync(new NewArguments { Positionals = ["http-c", "taken"] });

        Assert.Equal(1, code);
        Assert.Equal($"Error: Directory '{app}' already exists and is not empty. Choose another name or --output directory, or pass --allow-overwrite.", error.TrimEnd());
        Assert.Equal(["keep.txt"], Directory.GetFiles(app).Select(Path.GetFileName));
    }

    [Fact]
    public async Task New_EmptyExistingDirectory_IsUsed()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "empty"));

        var (code, _, _) = await RunAsync(new NewArguments { Positionals = ["http-c", "empty"] });

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(_directory, "empty", "spin.toml")));
    }

    [Theory]
    [InlineData(new[] { "http-cobol", "app" }, "Error: Unknown template 'http-cobol'. Available templates: http-c, http-empty")]
    [InlineData(new[] { "http-c", "1app" }, "Error: Invalid name '1app': Name must start with a letter.")]
    [InlineData(new[] { "http-c" }, "Error: No application name given")]
    [InlineData(new[] { "app" }, "Error: No template given")]
    public async Task New_BadInput_SaysWhatIsWrong(string[] positionals, string expected)
    {
        var (code, output, error) = await RunAsync(new NewArguments { Positionals = positionals });

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task New_EmptyName_IsOneError_NotAComplaintAboutTheWorkingDirectory()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "existing.txt"), "x");

        var (code, _, error) = await RunAsync(new NewArguments { Positionals = ["http-c", ""] });

        Assert.Equal(1, code);
        Assert.Equal("Error: Invalid name '': Name must start with a letter.", error.TrimEnd());
    }

    [Fact]
    public async Task New_SeveralProblems_AreAllReportedAtOnce()
    {
        var (code, _, error) = await RunAsync(new NewArguments { Positionals = ["http-c", "_bad"], Values = ["http-path=no slash", "oops"] });

        Assert.Equal(1, code);
        var lines = error.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, line => line.Contains("Name must start with a letter", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("HTTP path must start with '/' and contain no whitespace", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("'oops': expected NAME=VALUE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_PrintsEveryTemplate()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SpindleCommand.Create().Parse(["new", "--list"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(0, code);
        Assert.Contains("http-c  ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("http-empty  ", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MyApp", "my-app", "my_app", "MyApp")]
    [InlineData("hello world", "hello-world", "hello_world", "HelloWorld")]
    [InlineData("HTTPServer2go", "http-server2go", "http_server2go", "HttpServer2go")]
    [InlineData("already-kebab_and_snake", "already-kebab-and-snake", "already_kebab_and_snake", "AlreadyKebabAndSnake")]
    public void CaseFilters_SplitWordsAsSpinTemplates(string name, string kebab, string snake, string pascal)
    {
        Assert.Equal(kebab, CaseFilters.KebabCase(name));
        Assert.Equal(snake, CaseFilters.SnakeCase(name));
        Assert.Equal(pascal, CaseFilters.PascalCase(name));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(NewArguments arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await NewRunner.RunAsync(arguments, _directory, output, error, CancellationToken.None);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
