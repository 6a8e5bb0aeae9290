using System.CommandLine;
using Spindle.Cli.Commands.Up;
using Spindle.Spin;
using Spindle.Spin.Build;
using Spindle.Spin.Manifest;

namespace Spindle.Cli.Commands.Build;

/// <summary>
/// `spindle build [-f MANIFEST] [-c COMPONENT]... [--up [UP_ARGS]...]`: runs the components' build commands, then with
/// `--up` runs the app as `spindle up -f MANIFEST UP_ARGS...` would (spin build passes the remaining arguments to spin up).
/// </summary>
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
        var up = new Option<bool>("--up", "-u") { Description = "Run the application after building; the remaining arguments go to `spindle up` (e.g. --listen)." };

        var command = new Command("build", "Build the Spin application: run each component's build command.");
        command.Options.Add(from);
        command.Options.Add(components);
        command.Options.Add(up);

        // As Spin's `allow_hyphen_values`: tokens build does not know are `spin up` arguments, valid only with --up.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(from)!;
            var ids = parse.GetValue(components) ?? [];
            var upArguments = parse.UnmatchedTokens;
            if (upArguments.Count > 0 && !parse.GetValue(up))
            {
                await error.WriteLineAsync($"Error: unexpected argument '{upArguments[0]}': arguments after the build options are passed to `spindle up` and need --up.");
                return 1;
            }

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
                    return parse.GetValue(up) ? await RunUpAsync(parse, path, upArguments, cancellationToken) : 0;
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

            return parse.GetValue(up) ? await RunUpAsync(parse, path, upArguments, cancellationToken) : 0;
        });
        return command;
    }

    /// <summary>Runs `spindle up -f MANIFEST UP_ARGS...` in-process, writing to the same terminal, with the same exit code.</summary>
    private static Task<int> RunUpAsync(ParseResult build, string manifest, IReadOnlyList<string> upArguments, CancellationToken cancellationToken)
    {
        var arguments = new List<string>(upArguments.Count + 2) { "--from", manifest };
        arguments.AddRange(upArguments);
        return UpCommand.Create().Parse(arguments).InvokeAsync(build.InvocationConfiguration, cancellationToken);
    }
}
