using System.Globalization;

namespace Spindle.Toml;

public sealed class TomlInteger : TomlNode
{
    public TomlInteger(long value, TomlPosition position = default) : base(position) => Value = value;

    public long Value { get; }

    public override TomlNodeKind Kind => TomlNodeKind.Integer;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
