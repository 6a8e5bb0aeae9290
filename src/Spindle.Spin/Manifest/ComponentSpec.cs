using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary>A trigger's <c>component</c>: the id of a <c>[component.&lt;id&gt;]</c>, or an inline component table.</summary>
public sealed class ComponentSpec
{
    private ComponentSpec(string? reference, ManifestComponent? inline, TomlPosition position)
    {
        Reference = reference;
        Inline = inline;
        Position = position;
    }

    public string? Reference { get; }

    public ManifestComponent? Inline { get; }

    /// <summary>Where the reference or inline table was written.</summary>
    public TomlPosition Position { get; }

    public static ComponentSpec FromReference(string id, TomlPosition position = default) => new(id, null, position);

    public static ComponentSpec FromInline(ManifestComponent component) => new(null, component, component.Position);
}
