using System.Globalization;

namespace Spindle.Toml;

/// <summary>
/// One of TOML's four date-time flavours. Exactly the members matching <see cref="Kind"/> are set:
/// <see cref="Offset"/> for offset date-times, <see cref="Local"/> for local date-times,
/// <see cref="Date"/> for local dates, <see cref="Time"/> for local times. Fractional seconds keep
/// .NET's 100 ns precision; <see cref="Text"/> keeps every digit as written.
/// </summary>
public sealed class TomlDateTime : TomlNode
{
    private readonly TomlNodeKind _kind;

    internal TomlDateTime(TomlNodeKind kind, string text, TomlPosition position) : base(position)
    {
        _kind = kind;
        Text = text;
    }

    public TomlDateTime(DateTimeOffset value, TomlPosition position = default)
        : this(TomlNodeKind.OffsetDateTime, value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture), position)
        => Offset = value;

    /// <summary>A local date-time (no offset); the <see cref="DateTime.Kind"/> is ignored.</summary>
    public TomlDateTime(DateTime value, TomlPosition position = default)
        : this(TomlNodeKind.LocalDateTime, value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), position)
        => Local = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);

    public TomlDateTime(DateOnly value, TomlPosition position = default)
        : this(TomlNodeKind.LocalDate, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), position)
        => Date = value;

    public TomlDateTime(TimeOnly value, TomlPosition position = default)
        : this(TomlNodeKind.LocalTime, value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), position)
        => Time = value;

    /// <summary>The value as written, with a space separator normalized to 'T' (and 't'/'z' upper-cased).</summary>
    public string Text { get; }

    public DateTimeOffset? Offset { get; internal init; }

    public DateTime? Local { get; internal init; }

    public DateOnly? Date { get; internal init; }

    public TimeOnly? Time { get; internal init; }

    public override TomlNodeKind Kind => _kind;

    public override string ToString() => Text;
}
