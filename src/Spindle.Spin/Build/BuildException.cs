namespace Spindle.Spin.Build;

/// <summary>A component build failed or could not start; names the component and the command.</summary>
public sealed class BuildException : SpinException
{
    public BuildException(string message, string? componentId = null, string? command = null, int? exitCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ComponentId = componentId;
        Command = command;
        ExitCode = exitCode;
    }

    public string? ComponentId { get; }

    public string? Command { get; }

    /// <summary>The command's exit code when it ran and failed.</summary>
    public int? ExitCode { get; }
}
