using System.Globalization;

namespace Spindle.Toml;

internal ref partial struct TomlParser
{
    private TomlNode ParseNumber(TomlPosition position)
    {
        var start = _pos;
        var sign = CharAt(_pos);
        var signed = sign is '+' or '-';
        if (signed)
        {
            _pos++;
        }

        if (StartsWithAt(_pos, "inf") || StartsWithAt(_pos, "nan"))
        {
            var isNan = _text[_pos] == 'n';
            _pos += 3;
            EnsureNumberEnd(start, position);
            var special = isNan ? double.NaN : sign == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return new TomlFloat(special, position);
        }

        if (CharAt(_pos) == '0' && CharAt(_pos + 1) is 'x' or 'o' or 'b')
        {
            if (signed)
            {
                Fail("hexadecimal, octal and binary integers cannot have a sign", position);
            }

            return ParseRadixInteger(position);
        }

        if (!IsDigitAt(_pos))
        {
            Fail($"expected a value, found {Describe(start)}; numbers start with a digit, '+' or '-', and strings must be quoted", position);
        }

        if (CharAt(_pos) == '0' && (IsDigitAt(_pos + 1) || CharAt(_pos + 1) == '_'))
        {
            Fail("leading zeros are not allowed in decimal numbers", position);
        }

        ScanDigits(10, "number");
        var isFloat = false;
        if (CharAt(_pos) == '.')
        {
            isFloat = true;
            _pos++;
            if (!IsDigitAt(_pos))
            {
                Fail($"expected a digit after the decimal point, found {Describe(_pos)}");
            }

            ScanDigits(10, "fraction");
        }

        if (CharAt(_pos) is 'e' or 'E')
        {
            isFloat = true;
            _pos++;
            if (CharAt(_pos) is '+' or '-')
            {
                _pos++;
            }

            if (!IsDigitAt(_pos))
            {
                Fail($"expected a digit in the exponent, found {Describe(_pos)}");
            }

            ScanDigits(10, "exponent");
        }

        EnsureNumberEnd(start, position);
        var token = _text[start.._pos];
        Span<char> buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        var length = 0;
        foreach (var c in token)
        {
            if (c != '_')
            {
                buffer[length++] = c;
            }
        }

        var digits = buffer[..length];
        if (isFloat)
        {
            var value = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                Fail($"float '{token}' is out of range for a 64-bit float", position);
            }

            return new TomlFloat(value, position);
        }

        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            Fail($"integer '{token}' is out of range: TOML integers are 64-bit ({long.MinValue} to {long.MaxValue})", position);
        }

        return new TomlInteger(integer, position);
    }

    private TomlInteger ParseRadixInteger(TomlPosition position)
    {
        var start = _pos;
        var prefix = _text[_pos + 1];
        var (radix, shift, name) = prefix switch
        {
            'x' => (16, 4, "hexadecimal"),
            'o' => (8, 3, "octal"),
            _ => (2, 1, "binary"),
        };
        _pos += 2;
        if (DigitValue(CharAt(_pos), radix) < 0)
        {
            Fail($"expected {Article(name)} digit after '0{prefix}', found {Describe(_pos)}");
        }

        ulong value = 0;
        var digitsStart = _pos;
        ScanDigits(radix, name + " integer");
        foreach (var c in _text[digitsStart.._pos])
        {
            if (c == '_')
            {
                continue;
            }

            if (value > (ulong)long.MaxValue >> shift)
            {
                Fail($"integer '{_text[start.._pos]}' is out of range: TOML integers are 64-bit (at most {long.MaxValue})", position);
            }

            value = (value << shift) | (uint)DigitValue(c, radix);
        }

        if (value > (ulong)long.MaxValue)
        {
            Fail($"integer '{_text[start.._pos]}' is out of range: TOML integers are 64-bit (at most {long.MaxValue})", position);
        }

        EnsureNumberEnd(start, position);
        return new TomlInteger((long)value, position);
    }

    /// <summary>Consumes digits of <paramref name="radix"/> where '_' may only sit between two digits.</summary>
    private void ScanDigits(int radix, string what)
    {
        _pos++;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (DigitValue(c, radix) >= 0)
            {
                _pos++;
            }
            else if (c == '_')
            {
                if (DigitValue(CharAt(_pos + 1), radix) < 0)
                {
                    Fail($"'_' in {Article(what)} must sit between two digits");
                }

                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    private static int DigitValue(char c, int radix)
    {
        var value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return value < radix ? value : -1;
    }

    private readonly void EnsureNumberEnd(int start, TomlPosition position)
    {
        if (!IsValueEnd(_pos))
        {
            var end = _pos;
            while (!IsValueEnd(end))
            {
                end++;
            }

            Fail($"invalid number '{_text[start..end]}': unexpected {Describe(_pos)}; strings must be quoted", position);
        }
    }
}
