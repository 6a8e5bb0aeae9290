using System.Diagnostics;

namespace Spindle.Cli.Wast;

/// <summary>
/// Converts a <c>.wast</c> script with wabt's <c>wast2json</c> (Debian package <c>wabt</c>). Wasm 2.0 features
/// (multi-value, reference types, bulk memory, SIMD) are on by default in wabt 1.0.32, so no flags are passed.
/// </summary>
internal static class Wast2Json
{
    public const string Tool = "wast2json";

    /// <summary>Writes <c>&lt;name&gt;.json</c> and its module files into <paramref name="outputDirectory"/>; returns the JSON path.</summary>
    /// <exception cref="WastConversionException">wast2json is missing, fails, or takes more than a minute.</exception>
    public static string Convert(string wastPath, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var json = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(wastPath) + ".json");
        var start = new ProcessStartInfo(Tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(wastPath));
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(json);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new WastConversionException($"{wastPath}: could not start {Tool}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new WastConversionException($"{wastPath}: {Tool} not found ({e.Message}); install it with `apt-get install wabt`, or pass the .json it produces");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill();
                throw new WastConversionException($"{wastPath}: {Tool} did not finish within a minute");
            }

            if (process.ExitCode != 0)
            {
                var firstLine = stderr.Result.Split('\n', 2)[0].Trim();
                throw new WastConversionException($"{wastPath}: {Tool} failed (exit code {process.ExitCode}): {firstLine}");
            }
        }

        return json;
    }
}
