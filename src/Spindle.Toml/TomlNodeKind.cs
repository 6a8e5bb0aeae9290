namespace Spindle.Toml;

/// <summary>The TOML 1.0 value types, with the four date-time flavours kept apart.</summary>
public enum TomlNodeKind
{
    String,
    Integer,
    Float,
    Boolean,
    OffsetDateTime,
    LocalDateTime,
    LocalDate,
    LocalTime,
    Array,
    Table,
}
