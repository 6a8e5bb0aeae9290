namespace Spindle.Cli.Wast;

/// <summary>
/// One command of a spec script as wast2json writes it: <c>module</c>, <c>register</c>, <c>action</c> or an
/// <c>assert_*</c>. Fields a command type does not use are null.
/// </summary>
internal sealed record ScriptCommand(
    string Type,
    int Line,
    string? FileName,
    string? Name,
    string? As,
    string? Text,
    string? ModuleType,
    ScriptAction? Action,
    IReadOnlyList<ScriptValue> Expected)
{
    /// <summary>A short description for failure reports: <c>assert_return invoke "add"</c>.</summary>
    public string Describe() => Action is null
        ? FileName is null ? Type : $"{Type} {FileName}"
        : $"{Type} {Action.Describe()}";
}
