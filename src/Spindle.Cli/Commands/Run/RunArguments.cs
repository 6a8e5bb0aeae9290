namespace Spindle.Cli;

/// <summary>
/// The parsed command line of `spindle run`. As with `wasmtime run`, options come before FILE and every token after
/// FILE belongs to the guest (argv[1..] or, with --invoke, the function's parameters), even one that looks like an option.
/// </summary>
internal sealed record RunArguments
{
    public required string File { get; init; }

    public IReadOnlyList<string> Dirs { get; init; } = [];

    public IReadOnlyList<string> Env { get; init; } = [];

    public string? Invoke { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Splits the tokens after `run`; null with a message when FILE is missing or an option lacks its value.</summary>
    public static RunArguments? Parse(IReadOnlyList<string> tokens, out string? error)
    {
        var dirs = new List<string>();
        var env = new List<string>();
        string? invoke = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token == "--")
            {
                i++;
            }
            else if (token.StartsWith('-') && token.Length > 1)
            {
                var (name, inline) = SplitInline(token);
                if (name is not ("--dir" or "--env" or "--invoke"))
                {
                    error = $"unknown option '{token}' before the module: spindle run options are --dir, --env and --invoke";
                    return null;
                }

                var value = inline ?? (i + 1 < tokens.Count ? tokens[++i] : null);
                if (value is null)
                {
                    error = $"option {name} needs a value";
                    return null;
                }

                switch (name)
                {
                    case "--dir": dirs.Add(value); break;
                    case "--env": env.Add(value); break;
                    default: invoke = value; break;
                }

                continue;
            }

            if (i >= tokens.Count)
            {
                break;
            }

            error = null;
            return new RunArguments { File = tokens[i], Dirs = dirs, Env = env, Invoke = invoke, Args = tokens.Skip(i + 1).ToArray() };
        }

        error = "missing the module to run: spindle run [--dir HOST[::GUEST]]... [--env NAME=VALUE]... [--invoke FUNC] FILE.wasm [ARGS...]";
        return null;
    }

    private static (string Name, string? Value) SplitInline(string token)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (token, null) : (token[..equals], token[(equals + 1)..]);
    }
}
