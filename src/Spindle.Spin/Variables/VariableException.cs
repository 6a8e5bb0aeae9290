namespace Spindle.Spin.Variables;

/// <summary>A variable could not be resolved or a template is invalid; the message names the variable.</summary>
public sealed class VariableException : SpinException
{
    public VariableException(string message, string? variableName = null) : base(message) => VariableName = variableName;

    /// <summary>The variable concerned, when there is one.</summary>
    public string? VariableName { get; }
}
