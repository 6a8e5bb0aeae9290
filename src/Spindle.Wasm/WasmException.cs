namespace Spindle.Wasm;

/// <summary>Base of every exception the engine throws for a module or its execution.</summary>
public abstract class WasmException : Exception
{
    protected WasmException(string message)
        : base(message)
    {
    }

    protected WasmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
