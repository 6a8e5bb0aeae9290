using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary>An application variable (<c>[variables] name = { ... }</c>): exactly one of <see cref="Required"/> and <see cref="Default"/>.</summary>
public sealed class ManifestVariable
{
    public string? Description { get; init; }

    public bool Required { get; init; }

    public string? Default { get; init; }

    public bool Secret { get; init; }

    public TomlPosition Position { get; init; }
}
