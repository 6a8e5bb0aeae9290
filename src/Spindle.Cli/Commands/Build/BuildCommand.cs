using System.CommandLine;
using Spindle.Spin;
using Spindle.Spin.Build;
using Spindle.Spin.Manifest;

namespace Spindle.Cli.Commands.Build;

/// <summary>`spindle build [-f MANIFEST] [-c COMPONENT]... [--up]`: runs the components' build commands (spin build).</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from", "-f", "--file")
        {
            Description = "The application to build: a spin.toml file or a directory containing one.",
            HelpName = "MANIFEST",
            DefaultValueFactory = _ => "spin.toml",
        };
        var components = new Option<string[]>("--component-id", "-c")
        {
            Description = "Build only this component (repeatable). Default: all components.",
            HelpName = "COMPONENT",
            AllowMultipleArgumentsPerToken = false,
        };
        var up = new Option<bool>("--up", "-u") { Description = "Run the application after building (needs `spindle up`, which is not available yet)." };

        var command = new Command("build", "Build the Spin application: run each component's build command.");
        command.Options.Add(from);
        command.Options.Add(components);
        command.Options.Add(up);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(from)!;
            var ids = parse.GetValue(components) ?? [];
            try
            {
                SpinManifest manifest;
                try
                {
                    manifest = SpinManifest.Load(path);
                }
                catch (ManifestException e) when (SpinManifest.TryReadBuildSettings(path) is { } settings)
                {
                    // As Spin does: build anyway, then tell the user about the manifest's other errors.
                    var appDirectory = Path.GetDirectoryName(Path.GetFullPath(Directory.Exists(path) ? Path.Combine(path, "spin.toml") : path))!;
                    await new AppBuilder(output, error).BuildAsync(settings, appDirectory, ids, cancellationToken);
                    await error.WriteLineAsync($"Warning: The manifest has errors not related to the Wasm component build. Error details:\n{e.Message}");
                    return parse.GetValue(up) ? UpNotAvailable(error) : 0;
                }

                foreach (var warning in manifest.Warnings) await error.WriteLineAsync($"Warning: {warning}");
                await new AppBuilder(output, error).BuildAsync(manifest, ids, cancellationToken);
            }
            catch (SpinException e)
            {
                await error.WriteLineAsync($"Error: {e.Message}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("Error: cancelled");
                return 130;
            }

            return parse.GetValue(up) ? UpNotAvailable(error) : 0;
        });
        return command;
    }

    private static int UpNotAvailable(TextWriter error)
    {
        error.WriteLine("Error: the build succeeded, but --up cannot run the application: `spindle up` is not available yet (issue 5).");
        return 1;
    }
}
