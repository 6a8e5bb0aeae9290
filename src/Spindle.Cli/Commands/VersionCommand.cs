using System.CommandLine;
using System.Reflection;

namespace Spindle.Cli;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print Spindle's version.");
        command.SetAction(parse =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            parse.InvocationConfiguration.Output.WriteLine($"spindle {version}");
            return 0;
        });
        return command;
    }
}
