namespace Spindle.Cli.Wast;

/// <summary>A script refers to a module or export that is not there (usually because an earlier module failed).</summary>
internal sealed class WastScriptException(string message) : Exception(message);
