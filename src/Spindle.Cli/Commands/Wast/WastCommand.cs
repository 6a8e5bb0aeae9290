using System.CommandLine;
using Spindle.Cli.Wast;

namespace Spindle.Cli;

/// <summary><c>spindle wast FILE...</c>: runs WebAssembly spec scripts against Spindle's engine.</summary>
internal static class WastCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Spec scripts: .wast (converted with wabt's wast2json) or the .json wast2json writes.",
            Arity = ArgumentArity.OneOrMore,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every failure: line, command, expected versus actual." };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds one command may run before it is interrupted.",
            DefaultValueFactory = _ => 20,
        };

        var command = new Command("wast", "Run WebAssembly spec test scripts (.wast or wast2json .json) and report passed/failed per file.");
        command.Arguments.Add(files);
        command.Options.Add(verbose);
        command.Options.Add(timeout);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var paths = parse.GetValue(files) ?? [];
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"Error: --timeout {seconds}: must be a positive number of seconds, such as --timeout 20");
                return 2;
            }

            int passed = 0, failed = 0, skipped = 0;
            using var harness = new WastHarness(TimeSpan.FromSeconds(seconds));
            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    var what = Directory.Exists(path) ? "is a directory" : "does not exist";
                    parse.InvocationConfiguration.Error.WriteLine($"Error: '{path}' {what}: pass the path of a .wast script or of the .json wast2json writes.");
                    failed++;
                    continue;
                }

                var result = harness.RunFile(path);
                output.WriteLine(result.ToString());
                if (parse.GetValue(verbose))
                {
                    foreach (var failure in result.Failures) output.WriteLine($"  {result.Name}:{failure.Line}: {failure.Command}: {failure.Message}");
                }

                passed += result.Passed;
                failed += result.Failed;
                skipped += result.Skipped;
            }

            output.WriteLine(WastFileResult.Format("", passed, failed, skipped));
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
