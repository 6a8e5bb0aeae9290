namespace Spindle.Toml;

internal ref partial struct TomlParser
{
    /// <summary>
    /// Parses an RFC 3339 date-time, local date-time, local date or local time. Fractional seconds
    /// beyond .NET's 100 ns ticks are truncated in the value but kept in <see cref="TomlDateTime.Text"/>.
    /// </summary>
    private TomlDateTime ParseDateTime(TomlPosition position, bool hasDate)
    {
        var start = _pos;
        int year = 0, month = 0, day = 0;
        if (hasDate)
        {
            year = ReadFixedDigits(4, "year");
            ExpectDateChar('-');
            month = ReadFixedDigits(2, "month");
            ExpectDateChar('-');
            day = ReadFixedDigits(2, "day");
            if (month is < 1 or > 12)
            {
                Fail($"invalid month {month:00} in date '{_text[start.._pos]}'; months are 01 to 12", position);
            }

            if (year == 0 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                Fail($"invalid date '{_text[start.._pos]}': {(year == 0 ? "year 0000 is not supported" : $"day {day:00} does not exist in {year:0000}-{month:00}")}", position);
            }

            // A time follows after 'T', 't' or a single space (RFC 3339 section 5.6 note).
            var separator = CharAt(_pos);
            if (separator is 'T' or 't' || (separator == ' ' && IsDigitAt(_pos + 1) && IsDigitAt(_pos + 2) && CharAt(_pos + 3) == ':'))
            {
                _pos++;
            }
            else
            {
                EnsureDateTimeEnd(start, position);
                return new TomlDateTime(TomlNodeKind.LocalDate, _text[start.._pos].ToString(), position) { Date = new DateOnly(year, month, day) };
            }
        }

        var hour = ReadFixedDigits(2, "hour");
        ExpectDateChar(':');
        var minute = ReadFixedDigits(2, "minute");
        if (CharAt(_pos) != ':')
        {
            Fail($"expected ':' and seconds in time '{_text[start.._pos]}'; TOML 1.0 requires seconds (HH:MM:SS)");
        }

        _pos++;
        var second = ReadFixedDigits(2, "second");
        long fractionTicks = 0;
        if (CharAt(_pos) == '.')
        {
            _pos++;
            if (!IsDigitAt(_pos))
            {
                Fail($"expected a digit after '.' in the seconds of '{_text[start.._pos]}'");
            }

            var scale = TimeSpan.TicksPerSecond;
            while (IsDigitAt(_pos))
            {
                scale /= 10;
                fractionTicks += (_text[_pos] - '0') * scale;
                _pos++;
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            Fail($"invalid time '{_text[start.._pos]}': hours are 00-23, minutes and seconds 00-59", position);
        }

        var time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(fractionTicks));
        if (!hasDate)
        {
            EnsureDateTimeEnd(start, position);
            return new TomlDateTime(TomlNodeKind.LocalTime, _text[start.._pos].ToString(), position) { Time = time };
        }

        var local = new DateOnly(year, month, day).ToDateTime(time);
        var zone = CharAt(_pos);
        if (zone is not ('Z' or 'z' or '+' or '-'))
        {
            EnsureDateTimeEnd(start, position);
            return new TomlDateTime(TomlNodeKind.LocalDateTime, NormalizedText(start), position) { Local = local };
        }

        _pos++;
        var offset = TimeSpan.Zero;
        if (zone is '+' or '-')
        {
            var offsetHours = ReadFixedDigits(2, "offset hour");
            ExpectDateChar(':');
            var offsetMinutes = ReadFixedDigits(2, "offset minute");
            if (offsetHours > 23 || offsetMinutes > 59)
            {
                Fail($"invalid offset in '{_text[start.._pos]}': offsets are -23:59 to +23:59", position);
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (zone == '-')
            {
                offset = -offset;
            }
        }

        EnsureDateTimeEnd(start, position);
        DateTimeOffset instant;
        try
        {
            // .NET offsets stop at ±14:00; larger (valid RFC 3339) offsets keep the instant in UTC.
            instant = offset.Duration() <= TimeSpan.FromHours(14)
                ? new DateTimeOffset(local, offset)
                : new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Unspecified), TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            Fail($"date-time '{_text[start.._pos]}' is outside the supported range (years 0001-9999 as UTC)", position);
            throw;
        }

        return new TomlDateTime(TomlNodeKind.OffsetDateTime, NormalizedText(start), position) { Offset = instant };
    }

    /// <summary>The date-time as written with its separator as 'T' and a 'z' suffix as 'Z'.</summary>
    private readonly string NormalizedText(int start)
    {
        var text = _text[start.._pos];
        Span<char> buffer = stackalloc char[text.Length];
        text.CopyTo(buffer);
        buffer[10] = 'T';
        if (buffer[^1] == 'z')
        {
            buffer[^1] = 'Z';
        }

        return buffer.ToString();
    }

    private int ReadFixedDigits(int count, string what)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            if (!IsDigitAt(_pos))
            {
                Fail($"expected a {count}-digit {what}, found {Describe(_pos)}; date-times look like 1979-05-27T07:32:00Z");
            }

            value = (value * 10) + (_text[_pos] - '0');
            _pos++;
        }

        return value;
    }

    private void ExpectDateChar(char expected)
    {
        if (CharAt(_pos) != expected)
        {
            Fail($"expected '{expected}' in date-time, found {Describe(_pos)}; date-times look like 1979-05-27T07:32:00Z");
        }

        _pos++;
    }

    private readonly void EnsureDateTimeEnd(int start, TomlPosition position)
    {
        if (!IsValueEnd(_pos))
        {
            Fail($"invalid date-time '{_text[start.._pos]}': unexpected {Describe(_pos)}; date-times look like 1979-05-27T07:32:00Z, 1979-05-27, 07:32:00", position);
        }
    }
}
