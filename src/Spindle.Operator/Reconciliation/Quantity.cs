using System.Globalization;

namespace Spindle.Operator.Reconciliation;

/// <summary>
/// Kubernetes resource quantities ("128Mi", "40M", "0.5Gi", "100m", "1e3"): parsed to an exact decimal so limits
/// compare correctly and <see cref="CeilingValue"/> matches resource.Quantity's Value().
/// </summary>
internal static class Quantity
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text)) return false;
        var span = text.AsSpan();
        var end = 0;
        if (end < span.Length && span[end] is '+' or '-') end++;
        var digits = 0;
        while (end < span.Length && char.IsAsciiDigit(span[end])) { end++; digits++; }
        if (end < span.Length && span[end] == '.')
        {
            end++;
            while (end < span.Length && char.IsAsciiDigit(span[end])) { end++; digits++; }
        }

        if (digits == 0 || !decimal.TryParse(span[..end], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        if (!TryMultiplier(span[end..], out var multiplier)) return false;
        try
        {
            value = number * multiplier;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The integer value rounded up, as resource.Quantity.Value() ("100m" → 1, "40M" → 40000000).</summary>
    public static long CeilingValue(decimal value) => (long)decimal.Ceiling(value);

    private static bool TryMultiplier(ReadOnlySpan<char> suffix, out decimal multiplier)
    {
        multiplier = suffix switch
        {
            "" => 1m,
            "Ki" => 1024m,
            "Mi" => 1024m * 1024,
            "Gi" => 1024m * 1024 * 1024,
            "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
            "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
            "n" => 0.000000001m,
            "u" => 0.000001m,
            "m" => 0.001m,
            "k" => 1e3m,
            "M" => 1e6m,
            "G" => 1e9m,
            "T" => 1e12m,
            "P" => 1e15m,
            "E" => 1e18m,
            _ => -1m,
        };
        if (multiplier > 0) return true;
        if (suffix.Length < 2 || suffix[0] is not ('e' or 'E')) return false;
        if (!int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || exponent is < -27 or > 27)
        {
            return false;
        }

        multiplier = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++) multiplier = exponent > 0 ? multiplier * 10 : multiplier / 10;
        return true;
    }
}
