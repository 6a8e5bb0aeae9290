using System.Globalization;

namespace Spindle.Toml;

public sealed class TomlFloat : TomlNode
{
    public TomlFloat(double value, TomlPosition position = default) : base(position) => Value = value;

    public double Value { get; }

    public override TomlNodeKind Kind => TomlNodeKind.Float;

    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
