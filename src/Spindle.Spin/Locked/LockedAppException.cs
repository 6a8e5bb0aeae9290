namespace Spindle.Spin.Locked;

/// <summary>A locked app (spin.lock JSON) cannot be read or is not supported by this host.</summary>
public sealed class LockedAppException : SpinException
{
    public LockedAppException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
