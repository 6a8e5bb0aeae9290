namespace Spindle.Wasm;

/// <summary>
/// A module cannot be instantiated with the given imports (the spec's "unlinkable"): an import is unknown or its
/// type is incompatible. The message names the import and says what was expected and found.
/// </summary>
public sealed class WasmLinkException : WasmException
{
    public WasmLinkException(string message, string module, string name)
        : base(message)
    {
        Module = module;
        Name = name;
    }

    /// <summary>The import's module name.</summary>
    public string Module { get; }

    /// <summary>The import's field name.</summary>
    public string Name { get; }
}
