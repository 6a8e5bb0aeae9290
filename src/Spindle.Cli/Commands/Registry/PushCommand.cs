using System.CommandLine;
using Spindle.Oci;
using Spindle.Oci.Artifact;

namespace Spindle.Cli.Commands.Registry;

/// <summary>`spindle registry push [-f MANIFEST|DIR] [--build] [--annotation K=V]... [-k] REF`.</summary>
internal static class PushCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--from", "-f", "--file") { Description = "The app to push: spin.toml, its directory, or a locked app (spin.lock JSON). Default: spin.toml here." };
        var build = new Option<bool>("--build") { Description = "Build the app before pushing." };
        var annotations = new Option<string[]>("--annotation") { Description = "An annotation for the manifest, as KEY=VALUE (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var insecure = RegistryCommand.InsecureOption();
        var reference = new Argument<string>("reference") { Description = "Where to push, e.g. ghcr.io/user/app:v1." };
        var command = new Command("push", "Push a Spin application to a registry as an OCI artifact (Spin's layout).");
        command.Options.Add(file);
        command.Options.Add(build);
        command.Options.Add(annotations);
        command.Options.Add(insecure);
        command.Arguments.Add(reference);
        command.SetAction(async (parse, cancellationToken) => await RegistryCommand.RunAsync(parse, async output =>
        {
            var options = new SpinArtifactOptions
            {
                Annotations = ParseAnnotations(parse.GetValue(annotations) ?? []),
                ArchiveLayers = Environment.GetEnvironmentVariable("SPIN_OCI_ARCHIVE_LAYERS") is not null,
            };
            var target = parse.GetValue(reference)!;
            ImageReference.Parse(target); // report a bad reference before loading or building anything
            using var source = await PushSource.LoadAsync(parse.GetValue(file), parse.GetValue(build), output, parse.InvocationConfiguration.Error, cancellationToken);
            var result = await TransferDisplay.RunAsync(output, "Uploaded", progress =>
                RegistryCommand.Client(parse.GetValue(insecure)).PushAsync(target, source.LockedApp, options, progress, cancellationToken));
            await output.WriteLineAsync($"Pushed with digest {result.Digest}");
        }));
        return command;
    }

    private static Dictionary<string, string> ParseAnnotations(string[] values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var value in values)
        {
            var equals = value.IndexOf('=');
            if (equals <= 0) errors.Add($"--annotation \"{value}\" must be KEY=VALUE");
            else result[value[..equals]] = value[(equals + 1)..];
        }

        if (errors.Count > 0) throw new OciException(OciErrorKind.InvalidInput, string.Join("; ", errors));
        return result;
    }
}
