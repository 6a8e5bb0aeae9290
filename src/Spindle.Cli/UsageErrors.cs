using System.CommandLine;
using System.CommandLine.Parsing;

namespace Spindle.Cli;

/// <summary>How `spindle` reports command-line usage errors: `Error: ...` lines, then where to find usage.</summary>
internal static class UsageErrors
{
    /// <summary>Exit code for usage errors, as Spin (clap) uses.</summary>
    public const int ExitCode = 2;

    public static int Report(ParseResult parse, TextWriter error)
    {
        foreach (var parseError in parse.Errors)
        {
            error.WriteLine($"Error: {parseError.Message}");
        }

        error.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
        return ExitCode;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command) names.Add(command.Command is RootCommand ? "spindle" : command.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
