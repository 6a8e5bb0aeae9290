using System.Globalization;

namespace Spindle.Host.Up;

/// <summary>Durations as Spin's flags take them (humantime): <c>500ms</c>, <c>2s</c>, <c>1m</c>, <c>1m30s</c>, <c>1h</c>.</summary>
internal static class DurationParser
{
    public static bool TryParse(string text, out TimeSpan duration, out string? error)
    {
        duration = TimeSpan.Zero;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            error = "empty duration: use a value such as 500ms, 2s or 1m";
            return false;
        }

        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
            {
                digits++;
            }

            var units = digits;
            while (units < span.Length && char.IsAsciiLetter(span[units]))
            {
                units++;
            }

            if (digits == 0 || !long.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                error = $"invalid duration '{text}': expected a number followed by a unit, such as 500ms, 2s or 1m";
                return false;
            }

            var unit = span[digits..units].ToString();
            TimeSpan? part = unit switch
            {
                "ms" or "msec" or "millis" => TimeSpan.FromMilliseconds(number),
                "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(number),
                "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(number),
                "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(number),
                "" when number == 0 && units == span.Length => TimeSpan.Zero,
                _ => null,
            };
            if (part is null)
            {
                error = unit.Length == 0
                    ? $"invalid duration '{text}': the unit is missing; use ms, s, m or h (e.g. {number}s)"
                    : $"invalid duration '{text}': unknown unit '{unit}'; use ms, s, m or h";
                return false;
            }

            duration += part.Value;
            span = span[units..].TrimStart();
        }

        error = null;
        return true;
    }
}
