namespace Spindle.Wasi;

/// <summary>A WASI module cannot be run as asked (no entry point, bad configuration); the message says what to change.</summary>
public sealed class WasiException : Exception
{
    public WasiException()
    {
    }

    public WasiException(string message) : base(message)
    {
    }

    public WasiException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
