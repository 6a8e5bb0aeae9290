using System.Diagnostics;
using System.Text.Json;

namespace Spindle.Wasm.Tests.Fuzz;

/// <summary>
/// The binary modules of the WebAssembly spec suite (non-SIMD files), converted once per test run with
/// <c>wast2json</c> into a temporary folder that is deleted when the process exits.
/// </summary>
internal sealed class SpecCorpus
{
    // Files Debian's wast2json 1.0.32 cannot convert (newer text syntax); the spec runner lists them too.
    public static readonly string[] Unconvertible = ["comments", "if", "table_fill", "table_get", "table_grow", "table_set", "table_size"];

    private static readonly Lazy<SpecCorpus> s_instance = new(Load);

    private SpecCorpus(string directory, List<SpecCommand> commands, List<string> failedConversions)
    {
        Directory = directory;
        Commands = commands;
        FailedConversions = failedConversions;
    }

    public static SpecCorpus Instance => s_instance.Value;

    public string Directory { get; }

    public List<SpecCommand> Commands { get; }

    public List<string> FailedConversions { get; }

    /// <summary>Names (without extension) of the non-SIMD .wast files wast2json can convert; a placeholder when the suite is absent.</summary>
    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        var dir = Requirements.WasmSpecDir;
        if (dir is null)
        {
            data.Add("(spec suite not found)");
            return data;
        }

        var files = System.IO.Directory.GetFiles(dir, "*.wast");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!name.StartsWith("simd_", StringComparison.Ordinal) && Array.IndexOf(Unconvertible, name) < 0)
            {
                data.Add(name);
            }
        }

        return data;
    }

    private static SpecCorpus Load()
    {
        var specDir = Requirements.WasmSpecDir ?? throw new InvalidOperationException("WebAssembly spec suite not found");
        var wast2json = TestEnvironment.FindTool("wast2json") ?? throw new InvalidOperationException("wast2json not found");
        DeleteStaleOutputs();
        var output = Path.Combine(Path.GetTempPath(), $"{OutputPrefix}{Environment.ProcessId}");
        System.IO.Directory.CreateDirectory(output);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(output, recursive: true);
            }
            catch (IOException)
            {
            }
        };

        var commands = new List<SpecCommand>();
        var failed = new List<string>();
        foreach (var name in FileNames())
        {
            var file = name;
            var json = Path.Combine(output, file + ".json");
            if (!Convert(wast2json, Path.Combine(specDir, file + ".wast"), json))
            {
                failed.Add(file);
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(json));
            foreach (var command in document.RootElement.GetProperty("commands").EnumerateArray())
            {
                var type = command.GetProperty("type").GetString()!;
                if (type is not ("module" or "assert_malformed" or "assert_invalid" or "assert_unlinkable" or "assert_uninstantiable"))
                {
                    continue;
                }

                if (command.TryGetProperty("module_type", out var moduleType) && moduleType.GetString() != "binary")
                {
                    continue;
                }

                var wasm = Path.Combine(output, command.GetProperty("filename").GetString()!);
                var text = command.TryGetProperty("text", out var t) ? t.GetString() : null;
                commands.Add(new SpecCommand(file, command.GetProperty("line").GetInt32(), type, File.ReadAllBytes(wasm), text));
            }
        }

        return new SpecCorpus(output, commands, failed);
    }

    private const string OutputPrefix = "spindle-wasm-spec-";

    // The test host is sometimes killed before ProcessExit runs: remove folders left by processes that are gone.
    private static void DeleteStaleOutputs()
    {
        foreach (var dir in System.IO.Directory.GetDirectories(Path.GetTempPath(), OutputPrefix + "*"))
        {
            if (!int.TryParse(Path.GetFileName(dir).AsSpan(OutputPrefix.Length), out var pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool Convert(string wast2json, string wast, string json)
    {
        var start = new ProcessStartInfo(wast2json)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(wast);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(json);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}

/// <summary>One module-carrying command of a spec script.</summary>
internal sealed record SpecCommand(string File, int Line, string Type, byte[] Bytes, string? Text);
