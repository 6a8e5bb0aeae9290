namespace Spindle.Cli;

/// <summary>
/// `spindle run FILE [ARGS...]` without System.CommandLine: building the command tree, parsing and invoking cost
/// ~9 ms of start-up that every short `spindle run` pays (docs/perf/wasi.md). Taken only when the parser could not
/// read the tokens differently (no option, response file, directive or help token anywhere); every other command
/// line goes through the full parser, with the same result as before.
/// </summary>
internal static class RunFastPath
{
    public static bool TryRun(string[] args, out int code)
    {
        code = 0;
        if (args.Length < 2 || args[0] != "run")
        {
            return false;
        }

        for (var i = 1; i < args.Length; i++)
        {
            var token = args[i];
            if (token.Length == 0 || token[0] is '-' or '@' or '[' || token is "/?" or "/h")
            {
                return false;
            }
        }

        try
        {
            code = RunCommand.Run(new RunArguments { File = args[1], Args = args[2..] }, Console.Out, Console.Error);
        }
#pragma warning disable CA1031 // Mirrors System.CommandLine's default exception handler, which the full path uses.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (ex is not OperationCanceledException)
            {
                Console.Error.Write("Unhandled exception: ");
                Console.Error.WriteLine(ex.ToString());
            }

            code = 1;
        }

        return true;
    }
}
