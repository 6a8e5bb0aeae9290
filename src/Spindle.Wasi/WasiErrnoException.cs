using Spindle.Wasi.Abi;

namespace Spindle.Wasi;

/// <summary>Ends a WASI call early with an errno (caught by the binding, returned to the guest; never escapes).</summary>
internal sealed class WasiErrnoException : Exception
{
    public WasiErrnoException(Errno errno)
        : base(errno.ToString())
    {
        Errno = errno;
    }

    public WasiErrnoException() : this(Errno.Io)
    {
    }

    public WasiErrnoException(string message) : base(message)
    {
    }

    public WasiErrnoException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public Errno Errno { get; }
}
