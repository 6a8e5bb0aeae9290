namespace Spindle.Toml;

public sealed class TomlBoolean : TomlNode
{
    public TomlBoolean(bool value, TomlPosition position = default) : base(position) => Value = value;

    public bool Value { get; }

    public override TomlNodeKind Kind => TomlNodeKind.Boolean;

    public override string ToString() => Value ? "true" : "false";
}
