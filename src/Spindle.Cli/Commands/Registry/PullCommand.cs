using System.CommandLine;
using Spindle.Oci;
using Spindle.Oci.Cache;

namespace Spindle.Cli.Commands.Registry;

/// <summary>`spindle registry pull [-k] REF`: into the local cache, verified.</summary>
internal static class PullCommand
{
    public static Command Create()
    {
        var insecure = RegistryCommand.InsecureOption();
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Cache root (default: $XDG_CACHE_HOME/spindle)." };
        var reference = new Argument<string>("reference") { Description = "The artifact, e.g. ghcr.io/user/app:v1." };
        var command = new Command("pull", "Pull a Spin application from a registry into the local cache.");
        command.Options.Add(insecure);
        command.Options.Add(cacheDir);
        command.Arguments.Add(reference);
        command.SetAction(async (parse, cancellationToken) => await RegistryCommand.RunAsync(parse, async output =>
        {
            var dir = parse.GetValue(cacheDir);
            if (dir is not null && string.IsNullOrWhiteSpace(dir))
            {
                throw new OciException(OciErrorKind.InvalidInput, "--cache-dir is empty: pass a directory, or leave the option out to use $XDG_CACHE_HOME/spindle");
            }

            var cache = dir is not null ? new OciCache(dir) : OciCache.FromEnvironment();
            var target = parse.GetValue(reference)!;
            ImageReference.Parse(target); // a bad reference is reported before anything is printed
            await output.WriteLineAsync($"Pulling {target}...");
            var pulled = await TransferDisplay.RunAsync(output, "Downloaded", progress =>
                RegistryCommand.Client(parse.GetValue(insecure)).PullAsync(target, cache, progress, cancellationToken));
            await output.WriteLineAsync($"Pulled {pulled.Reference}@{pulled.ManifestDigest}");
        }));
        return command;
    }
}
