namespace Spindle.Toml;

/// <summary>A value in a TOML document, with the position where it was written.</summary>
public abstract class TomlNode
{
    private protected TomlNode(TomlPosition position) => Position = position;

    /// <summary>Where the value starts; for a table, its header or first defining key.</summary>
    public TomlPosition Position { get; internal set; }

    public abstract TomlNodeKind Kind { get; }

    /// <summary>The TOML type name as users know it ("string", "integer", "table", ...), for messages.</summary>
    public string TypeName => Kind switch
    {
        TomlNodeKind.String => "string",
        TomlNodeKind.Integer => "integer",
        TomlNodeKind.Float => "float",
        TomlNodeKind.Boolean => "boolean",
        TomlNodeKind.OffsetDateTime => "offset date-time",
        TomlNodeKind.LocalDateTime => "local date-time",
        TomlNodeKind.LocalDate => "local date",
        TomlNodeKind.LocalTime => "local time",
        TomlNodeKind.Array => "array",
        _ => "table",
    };
}
