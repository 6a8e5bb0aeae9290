namespace Spindle.Spin;

/// <summary>
/// The base of Spindle.Spin's exceptions: a manifest, locked app, variable, runtime config,
/// outbound host list or build that cannot be used. Branch on the derived type, never on the message.
/// </summary>
public abstract class SpinException : Exception
{
    protected SpinException(string message) : base(message)
    {
    }

    protected SpinException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
