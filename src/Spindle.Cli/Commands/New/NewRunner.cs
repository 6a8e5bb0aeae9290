namespace Spindle.Cli.Commands.New;

/// <summary>
/// <c>spindle new</c>: checks the whole command line (reporting every problem at once), then renders the template
/// into the output directory. Exit code 0 on success, 1 on bad input, never a stack trace.
/// </summary>
internal static class NewRunner
{
    public static async Task<int> RunAsync(NewArguments arguments, string workingDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var (templateId, name) = SplitPositionals(arguments, errors);

        SpinTemplate? template = null;
        if (templateId is not null)
        {
            template = TemplateCatalog.TryGet(templateId);
            if (template is null)
            {
                errors.Add($"Unknown template '{templateId}'. Available templates: {TemplateCatalog.Ids()} (spindle new --list describes them).");
            }
        }

        if (name is not null && (name.Length == 0 || !char.IsAsciiLetter(name[0])))
        {
            errors.Add($"Invalid name '{name}': Name must start with a letter.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (template is not null)
        {
            CollectValues(template, arguments.Values, values, errors, error);
        }

        string? directory = null;
        if (name is not null && (name.Length > 0 || arguments.Output is not null)) // an empty name would resolve to the working directory
        {
            directory = Path.GetFullPath(arguments.Output ?? name, workingDirectory);
            if (!arguments.AllowOverwrite && Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                errors.Add($"Directory '{directory}' already exists and is not empty. Choose another name or --output directory, or pass --allow-overwrite.");
            }
            else if (File.Exists(directory))
            {
                errors.Add($"Cannot create directory '{directory}': a file with that name exists. Choose another name or --output directory.");
            }
        }

        if (errors.Count > 0 || template is null || name is null || directory is null)
        {
            foreach (var problem in errors) await error.WriteLineAsync("Error: " + problem);
            return 1;
        }

        values["project-name"] = name;
        try
        {
            foreach (var file in template.Files)
            {
                var text = TemplateRenderer.Render(TemplateCatalog.ReadContent(template, file), values, file);
                var path = Path.Combine(directory, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Error: cannot write the new application to '{directory}': {e.Message}");
            return 1;
        }

        var relative = Path.GetRelativePath(workingDirectory, directory);
        await output.WriteLineAsync($"Created application '{name}' from template {template.Id} in {relative}");
        if (template.Id != "http-empty")
        {
            await output.WriteLineAsync($"Run it: cd {relative} && spindle build --up");
        }

        return 0;
    }

    /// <summary>Prints the templates as <c>spin templates list</c> does: a name and a description per row.</summary>
    public static async Task ListAsync(TextWriter output)
    {
        var width = "Name".Length;
        foreach (var template in TemplateCatalog.All) width = Math.Max(width, template.Id.Length);
        await output.WriteLineAsync("Name".PadRight(width + 2) + "Description");
        foreach (var template in TemplateCatalog.All)
        {
            await output.WriteLineAsync(template.Id.PadRight(width + 2) + template.Description);
        }
    }

    // `spin new -t TEMPLATE NAME` and Spin 1's positional `spin new TEMPLATE NAME` both work.
    private static (string? Template, string? Name) SplitPositionals(NewArguments arguments, List<string> errors)
    {
        var positionals = arguments.Positionals;
        string? template = arguments.Template;
        string? name = null;
        if (template is not null)
        {
            if (positionals.Count > 1) errors.Add($"Unexpected argument '{positionals[1]}': with -t/--template, only NAME may follow.");
            if (positionals.Count > 0) name = positionals[0];
        }
        else if (positionals.Count >= 2)
        {
            (template, name) = (positionals[0], positionals[1]);
            if (positionals.Count > 2) errors.Add($"Unexpected argument '{positionals[2]}': usage is spindle new [TEMPLATE] [NAME].");
        }
        else if (positionals.Count == 1 && TemplateCatalog.TryGet(positionals[0]) is not null)
        {
            template = positionals[0];
        }
        else if (positionals.Count == 1)
        {
            name = positionals[0];
        }

        if (template is null)
        {
            errors.Add($"No template given: pass one as the first argument or with -t/--template. Available templates: {TemplateCatalog.Ids()}.");
        }

        if (name is null)
        {
            errors.Add("No application name given: spindle new TEMPLATE NAME (the name is also the default output directory).");
        }

        return (template, name);
    }

    private static void CollectValues(SpinTemplate template, IReadOnlyList<string> pairs, Dictionary<string, string> values, List<string> errors, TextWriter error)
    {
        foreach (var parameter in template.Parameters) values[parameter.Name] = parameter.Default;
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add($"-v/--value '{pair}': expected NAME=VALUE.");
                continue;
            }

            var key = pair[..equals];
            var parameter = FindParameter(template, key);
            if (parameter is null)
            {
                // Spin ignores values a template does not use; say so, since it is usually a typo.
                error.WriteLine($"Warning: template {template.Id} has no parameter '{key}' (it has: {ParameterNames(template)}); ignored.");
                continue;
            }

            var value = pair[(equals + 1)..];
            if (parameter.Pattern is { } pattern && !pattern.IsMatch(value))
            {
                errors.Add($"-v/--value {key}='{value}': {parameter.Prompt} {parameter.PatternHelp}.");
                continue;
            }

            values[key] = value;
        }
    }

    private static TemplateParameter? FindParameter(SpinTemplate template, string key)
    {
        foreach (var parameter in template.Parameters)
        {
            if (parameter.Name == key) return parameter;
        }

        return null;
    }

    private static string ParameterNames(SpinTemplate template)
    {
        var names = new string[template.Parameters.Count];
        for (var i = 0; i < names.Length; i++) names[i] = template.Parameters[i].Name;
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }
}
