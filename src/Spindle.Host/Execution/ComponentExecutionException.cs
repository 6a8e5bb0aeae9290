namespace Spindle.Host.Execution;

/// <summary>A component ran but produced no usable response (Spin: "Error processing request"); the server answers 500.</summary>
internal sealed class ComponentExecutionException : Exception
{
    public ComponentExecutionException(string message) : base(message)
    {
    }

    public ComponentExecutionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ComponentExecutionException()
    {
    }
}
