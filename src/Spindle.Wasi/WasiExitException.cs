namespace Spindle.Wasi;

/// <summary>
/// The guest called <c>proc_exit</c>. Not a trap: the embedder ends the run with <see cref="ExitCode"/>. The engine
/// wraps host exceptions in a <see cref="Spindle.Wasm.TrapException"/>; use <see cref="TryGetExitCode"/> to find it.
/// </summary>
public sealed class WasiExitException : Exception
{
    public WasiExitException(int exitCode)
        : base($"the guest exited with code {exitCode}")
    {
        ExitCode = exitCode;
    }

    public WasiExitException() : this(0)
    {
    }

    public WasiExitException(string message) : base(message)
    {
    }

    public WasiExitException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public int ExitCode { get; }

    /// <summary>Whether <paramref name="exception"/> (or an exception it wraps) is a <c>proc_exit</c>.</summary>
    public static bool TryGetExitCode(Exception exception, out int exitCode)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is WasiExitException exit)
            {
                exitCode = exit.ExitCode;
                return true;
            }
        }

        exitCode = 0;
        return false;
    }
}
