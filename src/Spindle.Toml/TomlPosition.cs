namespace Spindle.Toml;

/// <summary>A place in a TOML document: 1-based line and 1-based column (counted in characters).</summary>
public readonly record struct TomlPosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
