using System.Text;
using Spindle.Wasm;

namespace Spindle.Wasi.Tests;

/// <summary>Runs a committed C test program (Programs/*.wasm, built by eng/build-wasi-programs.sh) with captured stdio.</summary>
internal static class ProgramRunner
{
    private static readonly Engine Engine = new();

    public static string ProgramPath(string name) => Path.Combine(TestEnvironment.RepoRoot, "tests", "Spindle.Wasi.Tests", "Programs", name + ".wasm");

    public static ProgramResult Run(string name, WasiConfiguration? configuration = null, string stdin = "")
    {
        var module = Module.FromFile(Engine, ProgramPath(name));
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var output = new MemoryStream();
        using var error = new MemoryStream();
        var config = (configuration ?? new WasiConfiguration()) with { Stdin = input, Stdout = output, Stderr = error };
        if (config.Arguments.Count == 0)
        {
            config = config with { Arguments = [name + ".wasm"] };
        }

        var code = WasiCommand.Run(module, config);
        return new ProgramResult(code, Encoding.UTF8.GetString(output.ToArray()), Encoding.UTF8.GetString(error.ToArray()));
    }

    /// <summary>A fresh host directory, deleted when disposed.</summary>
    public static TempDirectory TempDir() => new();
}

internal sealed record ProgramResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spindle-wasi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
