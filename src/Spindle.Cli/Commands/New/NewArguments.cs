namespace Spindle.Cli.Commands.New;

/// <summary>The command line of <c>spindle new</c>, as <c>spin new</c> takes it.</summary>
internal sealed record NewArguments
{
    /// <summary>The positional arguments: <c>[TEMPLATE] [NAME]</c>, or just <c>NAME</c> with <c>-t</c>.</summary>
    public IReadOnlyList<string> Positionals { get; init; } = [];

    /// <summary><c>-t/--template</c>.</summary>
    public string? Template { get; init; }

    /// <summary><c>-o/--output</c>; default: a directory named after the application, in the working directory.</summary>
    public string? Output { get; init; }

    /// <summary><c>-v/--value NAME=VALUE</c>.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary><c>-a/--accept-defaults</c>. Spindle never prompts, so defaults are always taken for missing values.</summary>
    public bool AcceptDefaults { get; init; }

    /// <summary><c>--allow-overwrite</c>: write into a directory that already has files.</summary>
    public bool AllowOverwrite { get; init; }
}
