namespace Spindle.Host;

/// <summary>
/// The app cannot be served as configured: an invalid route, a component Spindle cannot run, a missing Wasm file.
/// The message names the component or route and what to change.
/// </summary>
public sealed class SpinHostException : Exception
{
    public SpinHostException(string message) : base(message)
    {
    }

    public SpinHostException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public SpinHostException()
    {
    }
}
