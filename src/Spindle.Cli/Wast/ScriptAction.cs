namespace Spindle.Cli.Wast;

/// <summary>An <c>invoke</c> of an exported function or a <c>get</c> of an exported global.</summary>
/// <param name="Type"><c>invoke</c> or <c>get</c>.</param>
/// <param name="Module">The module's script name (<c>$M</c>), or null for the most recent module.</param>
/// <param name="Field">The export name.</param>
/// <param name="Args">Arguments of an invoke.</param>
internal sealed record ScriptAction(string Type, string? Module, string Field, IReadOnlyList<ScriptValue> Args)
{
    public string Describe()
    {
        var target = Module is null ? $"\"{Field}\"" : $"{Module} \"{Field}\"";
        if (Type != "invoke") return $"{Type} {target}";
        var args = new string[Args.Count];
        for (var i = 0; i < args.Length; i++) args[i] = Args[i].ToString();
        return $"invoke {target} ({string.Join(", ", args)})";
    }
}
