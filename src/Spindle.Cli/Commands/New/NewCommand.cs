using System.CommandLine;

namespace Spindle.Cli.Commands.New;

/// <summary>`spindle new [TEMPLATE] [NAME]`: scaffolds a new application from a template (spin new).</summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var positionals = new Argument<string[]>("TEMPLATE NAME")
        {
            Description = "The template to use (or give it with -t) and the name of the new application.",
            Arity = new ArgumentArity(0, 3),
        };
        var template = new Option<string?>("--template", "-t")
        {
            Description = "The template from which to create the new application (spindle new --list shows them).",
            HelpName = "TEMPLATE",
        };
        var outputDirectory = new Option<string?>("--output", "-o")
        {
            Description = "The directory in which to create the new application. The default is the name argument.",
            HelpName = "DIR",
        };
        var values = new Option<string[]>("--value", "-v")
        {
            Description = "Parameter values to be passed to the template (in name=value format) (repeatable).",
            HelpName = "NAME=VALUE",
            AllowMultipleArgumentsPerToken = false,
        };
        var acceptDefaults = new Option<bool>("--accept-defaults", "-a")
        {
            Description = "Use the template's defaults for parameters not given with --value (spindle never prompts).",
        };
        var allowOverwrite = new Option<bool>("--allow-overwrite", "--allow-overwrites")
        {
            Description = "Write into the output directory even if it already contains files.",
        };
        var list = new Option<bool>("--list") { Description = "List the available templates and exit." };

        var command = new Command("new", "Scaffold a new application based on a template.");
        command.Arguments.Add(positionals);
        foreach (var option in new Option[] { template, outputDirectory, values, acceptDefaults, allowOverwrite, list })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(list))
            {
                await NewRunner.ListAsync(output);
                return 0;
            }

            var arguments = new NewArguments
            {
                Positionals = parse.GetValue(positionals) ?? [],
                Template = parse.GetValue(template),
                Output = parse.GetValue(outputDirectory),
                Values = parse.GetValue(values) ?? [],
                AcceptDefaults = parse.GetValue(acceptDefaults),
                AllowOverwrite = parse.GetValue(allowOverwrite),
            };
            return await NewRunner.RunAsync(arguments, Directory.GetCurrentDirectory(), output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }
}
