using System.CommandLine;
using Spindle.Oci;
using Spindle.Oci.Auth;
using Spindle.Oci.Distribution;

namespace Spindle.Cli.Commands.Registry;

/// <summary>`spindle registry push|pull|login`: Spin applications as OCI artifacts (spin registry).</summary>
internal static class RegistryCommand
{
    public static Command Create()
    {
        var command = new Command("registry", "Push, pull and log in to OCI registries (Spin's `spin registry`).");
        command.Subcommands.Add(PushCommand.Create());
        command.Subcommands.Add(PullCommand.Create());
        command.Subcommands.Add(LoginCommand.Create());
        return command;
    }

    internal static Option<bool> InsecureOption() => new("--insecure", "-k") { Description = "Use plain HTTP instead of HTTPS (for local registries)." };

    internal static SpinRegistryClient Client(bool insecure) =>
        new(CredentialStore.FromEnvironment(), new RegistryClientOptions { Insecure = insecure });

    /// <summary>Runs a registry operation; an OCI error becomes one line on stderr and exit code 1.</summary>
    internal static async Task<int> RunAsync(ParseResult parse, Func<TextWriter, Task> action)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            await action(output);
            return 0;
        }
        catch (OciException e)
        {
            await error.WriteLineAsync($"Error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Error: cancelled");
            return 130;
        }
    }
}
