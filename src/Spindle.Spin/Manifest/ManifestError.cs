namespace Spindle.Spin.Manifest;

/// <summary>
/// One problem in a Spin configuration file (spin.toml, runtime-config.toml): where it is (1-based line and
/// column), what is wrong (Spin's wording where Spin has one) and, when known, how to fix it.
/// </summary>
public sealed record ManifestError(string File, int Line, int Column, string Message, string? Hint = null)
{
    public override string ToString()
        => Hint is null ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {Message}\n  hint: {Hint}";
}
