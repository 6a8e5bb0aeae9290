namespace Spindle.Cli.Wast;

/// <summary>A command that did not do what the script expects.</summary>
/// <param name="Line">Line of the command in the <c>.wast</c> file.</param>
/// <param name="Command">The command, e.g. <c>assert_return invoke "add" (i32:1, i32:2)</c>.</param>
/// <param name="Message">Expected versus actual.</param>
internal sealed record WastFailure(int Line, string Command, string Message)
{
    public override string ToString() => $"line {Line}: {Command}: {Message}";
}
