using System.Diagnostics;
using Spindle.Spin.Manifest;

namespace Spindle.Spin.Build;

/// <summary>
/// Runs components' <c>build.command</c>s as <c>spin build</c> does: sequentially, each through the shell in the
/// component's <c>workdir</c> (relative to the manifest directory), streaming the commands' output, and stopping at
/// the first failure.
/// </summary>
public sealed class AppBuilder
{
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    /// <param name="output">Progress lines and the commands' standard output.</param>
    /// <param name="error">The commands' standard error.</param>
    public AppBuilder(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
    }

    /// <summary>Builds <paramref name="componentIds"/> (all components when empty) of a loaded manifest.</summary>
    public Task BuildAsync(SpinManifest manifest, IReadOnlyCollection<string> componentIds, CancellationToken cancellationToken)
    {
        var components = new List<KeyValuePair<string, ComponentBuild?>>();
        foreach (var (id, component) in ManifestNormalizer.Normalize(manifest).Components) components.Add(new(id, component.Build));
        return BuildAsync(components, manifest.AppDirectory ?? Directory.GetCurrentDirectory(), componentIds, cancellationToken);
    }

    /// <summary>
    /// Builds from component build settings alone (see <see cref="SpinManifest.TryReadBuildSettings"/>), with
    /// workdirs relative to <paramref name="appDirectory"/>.
    /// </summary>
    public async Task BuildAsync(IReadOnlyList<KeyValuePair<string, ComponentBuild?>> components, string appDirectory, IReadOnlyCollection<string> componentIds, CancellationToken cancellationToken)
    {
        var unknown = componentIds.Where(id => !components.Any(c => c.Key == id)).ToList();
        if (unknown.Count > 0) throw new BuildException($"Unknown component(s) {string.Join(", ", unknown)}");

        var selected = components.Where(c => componentIds.Count == 0 || componentIds.Contains(c.Key)).ToList();
        if (selected.All(c => c.Value is null))
        {
            await _output.WriteLineAsync("None of the components have a build command.").ConfigureAwait(false);
            await _output.WriteLineAsync("For information on specifying a build command, see https://spinframework.dev/build#setting-up-for-spin-build.").ConfigureAwait(false);
            return;
        }

        foreach (var (id, build) in selected)
        {
            if (build is not null) await BuildComponentAsync(id, build, appDirectory, cancellationToken).ConfigureAwait(false);
        }

        await _output.WriteLineAsync("Finished building all Spin components").ConfigureAwait(false);
    }

    private async Task BuildComponentAsync(string id, ComponentBuild build, string appDirectory, CancellationToken cancellationToken)
    {
        var workdir = appDirectory;
        if (build.Workdir is { } relative)
        {
            if (Path.IsPathRooted(relative)) throw new BuildException("The workdir specified in the application file must be relative.", id);
            workdir = Path.GetFullPath(Path.Combine(appDirectory, relative));
        }

        var count = build.Commands.Count;
        if (count > 1) await _output.WriteLineAsync($"Building component {id} ({count} commands)").ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            var command = build.Commands[i];
            await _output.WriteLineAsync(count > 1
                ? $"Running build step {i + 1}/{count} for component {id} with '{command}'"
                : $"Building component {id} with `{command}`").ConfigureAwait(false);
            if (build.Workdir is not null) await _output.WriteLineAsync($"Working directory: \"{workdir}\"").ConfigureAwait(false);

            var exitCode = await RunAsync(id, command, workdir, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new BuildException($"Build command for component {id} failed with status Exited({exitCode}): `{command}`", id, command, exitCode);
            }
        }
    }

    private async Task<int> RunAsync(string id, string command, string workdir, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = OperatingSystem.IsWindows() ? "cmd.exe" : "/bin/sh",
            WorkingDirectory = workdir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(OperatingSystem.IsWindows() ? "/C" : "-c");
        start.ArgumentList.Add(command);

        Process process;
        try
        {
            if (!Directory.Exists(workdir)) throw new DirectoryNotFoundException($"working directory \"{workdir}\" does not exist; create it or fix [component.{id}.build] workdir in the manifest");
            process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            throw new BuildException($"Cannot spawn build process '{command}' for component {id}: {e.Message}", id, command, innerException: e);
        }

        using (process)
        {
            var stdout = PumpAsync(process.StandardOutput, _output, cancellationToken);
            var stderr = PumpAsync(process.StandardError, _error, cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            return process.ExitCode;
        }
    }

    private static async Task PumpAsync(StreamReader reader, TextWriter writer, CancellationToken cancellationToken)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
