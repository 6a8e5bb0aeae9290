namespace Spindle.Toml;

public sealed class TomlString : TomlNode
{
    public TomlString(string value, TomlPosition position = default) : base(position) => Value = value;

    public string Value { get; }

    public override TomlNodeKind Kind => TomlNodeKind.String;

    public override string ToString() => Value;
}
