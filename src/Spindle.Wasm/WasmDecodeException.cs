namespace Spindle.Wasm;

/// <summary>The module bytes are malformed (the spec's "malformed" class of errors).</summary>
public sealed class WasmDecodeException : WasmException
{
    public WasmDecodeException(string reason, long offset, string section)
        : base($"{section} section @0x{offset:X}: {reason}")
    {
        Reason = reason;
        Offset = offset;
        Section = section;
    }

    /// <summary>The spec-worded reason alone, e.g. <c>unexpected end</c>.</summary>
    public string Reason { get; }

    /// <summary>Absolute byte offset in the module where decoding failed.</summary>
    public long Offset { get; }

    /// <summary>The section being decoded (<c>type</c>, <c>code</c>, ... or <c>header</c>).</summary>
    public string Section { get; }
}
