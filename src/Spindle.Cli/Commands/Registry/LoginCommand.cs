using System.CommandLine;
using Spindle.Oci;
using Spindle.Oci.Auth;

namespace Spindle.Cli.Commands.Registry;

/// <summary>`spindle registry login [-u USER] [-p PASS | --password-stdin] SERVER`.</summary>
internal static class LoginCommand
{
    public static Command Create()
    {
        var user = new Option<string?>("--username", "-u") { Description = "Username for the registry." };
        var password = new Option<string?>("--password", "-p") { Description = "Password or token for the registry." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password or token from standard input." };
        var insecure = RegistryCommand.InsecureOption();
        var server = new Argument<string>("server") { Description = "The registry, e.g. ghcr.io or localhost:5000." };
        var command = new Command("login", "Log in to a registry; the credentials are checked, then saved for push and pull.");
        command.Options.Add(user);
        command.Options.Add(password);
        command.Options.Add(passwordStdin);
        command.Options.Add(insecure);
        command.Arguments.Add(server);
        command.SetAction(async (parse, cancellationToken) => await RegistryCommand.RunAsync(parse, async output =>
        {
            var username = parse.GetValue(user);
            var secret = parse.GetValue(password);
            if (parse.GetValue(passwordStdin))
            {
                if (secret is not null) throw new OciException(OciErrorKind.InvalidInput, "--password and --password-stdin are mutually exclusive: pass the password one way only");
                secret = (await Console.In.ReadToEndAsync(cancellationToken)).TrimEnd('\r', '\n');
            }

            if (string.IsNullOrEmpty(username)) throw new OciException(OciErrorKind.InvalidInput, "a username is required: pass -u USER");
            if (string.IsNullOrEmpty(secret)) throw new OciException(OciErrorKind.InvalidInput, "a password is required: pass -p PASSWORD or --password-stdin");
            var target = parse.GetValue(server)!;
            await RegistryCommand.Client(parse.GetValue(insecure)).LoginAsync(target, new RegistryCredentials(username, secret), cancellationToken);
            await output.WriteLineAsync($"Login Succeeded: {username} at {CredentialStore.NormalizeServer(target)} (saved in {CredentialStore.FromEnvironment().StorePath})");
        }));
        return command;
    }
}
