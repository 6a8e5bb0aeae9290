namespace Spindle.Wasm;

/// <summary>Size limits of a memory (in 64 KiB pages) or table (in elements).</summary>
public readonly record struct Limits(uint Min, uint? Max)
{
    public override string ToString() => Max is { } max ? $"{Min}..{max}" : $"{Min}..";
}
