using System.CommandLine;
using Spindle.Cli;

if (RunFastPath.TryRun(args, out var runCode))
{
    return runCode;
}

var parse = SpindleCommand.Create().Parse(args);
if (args.Length > 0 && parse.Errors.Count > 0)
{
    // One line per usage error and a pointer to --help, instead of the whole help text after the message.
    return UsageErrors.Report(parse, Console.Error);
}

return await parse.InvokeAsync().ConfigureAwait(false);
