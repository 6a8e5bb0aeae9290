using System.Globalization;
using System.Text;

namespace Spindle.Toml;

internal ref partial struct TomlParser
{
    private StringBuilder Builder()
    {
        _builder ??= new StringBuilder();
        _builder.Clear();
        return _builder;
    }

    /// <summary>Parses "basic" (single-line, with escapes) starting at the opening quote.</summary>
    private string ParseBasicString()
    {
        var open = _pos;
        _pos++;
        var start = _pos;

        // Fast path: no escapes, so the value is a slice of the document.
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                var value = _text[start.._pos].ToString();
                _pos++;
                return value;
            }

            if (c == '\\' || IsControl(c))
            {
                break;
            }

            _pos++;
        }

        var builder = Builder();
        builder.Append(_text[start.._pos]);
        while (true)
        {
            if (_pos >= _text.Length)
            {
                Fail($"unterminated string starting at {At(open)}: expected a closing '\"'");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                AppendEscape(builder);
            }
            else if (c is '\n' or '\r')
            {
                Fail($"unterminated string starting at {At(open)}: basic strings cannot span lines; close it with '\"' or use \"\"\" for a multi-line string");
            }
            else if (IsControl(c))
            {
                Fail($"control character {Describe(_pos)} is not allowed in a string; write it as an escape (\\u{(int)c:X4})");
            }
            else
            {
                builder.Append(c);
                _pos++;
            }
        }
    }

    /// <summary>Parses 'literal' (single-line, no escapes) starting at the opening quote.</summary>
    private string ParseLiteralString()
    {
        var open = _pos;
        _pos++;
        var start = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                Fail($"unterminated literal string starting at {At(open)}: expected a closing \"'\"");
            }

            var c = _text[_pos];
            if (c == '\'')
            {
                var value = _text[start.._pos].ToString();
                _pos++;
                return value;
            }

            if (c is '\n' or '\r')
            {
                Fail($"unterminated literal string starting at {At(open)}: literal strings cannot span lines; use ''' for a multi-line literal string");
            }

            if (IsControl(c))
            {
                Fail($"control character {Describe(_pos)} is not allowed in a literal string; use a basic string with an escape");
            }

            _pos++;
        }
    }

    /// <summary>Parses """multi-line basic""" or '''multi-line literal''' starting at the first quote.</summary>
    private string ParseMultiLineString(char quote)
    {
        var openPosition = At(_pos);
        _pos += 3;
        var literal = quote == '\'';

        // A newline right after the opening delimiter is trimmed.
        if (_pos < _text.Length && _text[_pos] is '\n' or '\r')
        {
            TryConsumeNewline();
        }

        var builder = Builder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                Fail($"unterminated multi-line string starting at {openPosition}: expected {new string(quote, 3)}");
            }

            var c = _text[_pos];
            if (c == quote)
            {
                var run = 1;
                while (_pos + run < _text.Length && _text[_pos + run] == quote)
                {
                    run++;
                }

                if (run < 3)
                {
                    builder.Append(quote, run);
                    _pos += run;
                    continue;
                }

                // Up to two quotes may sit right before the closing delimiter.
                if (run > 5)
                {
                    Fail($"too many quotes: at most two {quote} may precede the closing {new string(quote, 3)}; escape them or use the other string kind", At(_pos + 5));
                }

                builder.Append(quote, run - 3);
                _pos += run;
                return builder.ToString();
            }

            if (c is '\n' or '\r')
            {
                TryConsumeNewline();
                builder.Append('\n');
            }
            else if (c == '\\' && !literal)
            {
                if (IsLineEndingBackslash())
                {
                    _pos++;
                    while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
                    {
                        if (_text[_pos] is ' ' or '\t')
                        {
                            _pos++;
                        }
                        else
                        {
                            TryConsumeNewline();
                        }
                    }
                }
                else
                {
                    AppendEscape(builder);
                }
            }
            else if (IsControl(c))
            {
                Fail($"control character {Describe(_pos)} is not allowed in a string{(literal ? "" : $"; write it as an escape (\\u{(int)c:X4})")}");
            }
            else
            {
                builder.Append(c);
                _pos++;
            }
        }
    }

    /// <summary>True when the backslash at the cursor is followed only by whitespace up to the line end.</summary>
    private readonly bool IsLineEndingBackslash()
    {
        var i = _pos + 1;
        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < _text.Length && _text[i] is '\n' or '\r';
    }

    private void AppendEscape(StringBuilder builder)
    {
        var escapeAt = _pos;
        _pos++;
        var c = _pos < _text.Length ? _text[_pos] : '\0';
        _pos++;
        switch (c)
        {
            case 'b': builder.Append('\b'); return;
            case 't': builder.Append('\t'); return;
            case 'n': builder.Append('\n'); return;
            case 'f': builder.Append('\f'); return;
            case 'r': builder.Append('\r'); return;
            case '"': builder.Append('"'); return;
            case '\\': builder.Append('\\'); return;
            case 'u': AppendUnicodeEscape(builder, escapeAt, 4); return;
            case 'U': AppendUnicodeEscape(builder, escapeAt, 8); return;
        }

        Fail($"invalid escape sequence: backslash followed by {Describe(escapeAt + 1)}; valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX (write a backslash as \\\\)", At(escapeAt));
    }

    private void AppendUnicodeEscape(StringBuilder builder, int escapeAt, int digits)
    {
        uint scalar = 0;
        if (_pos + digits > _text.Length
            || !uint.TryParse(_text.Slice(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out scalar))
        {
            Fail($"invalid escape: \\{(digits == 4 ? 'u' : 'U')} needs exactly {digits} hex digits", At(escapeAt));
        }

        if (!Rune.IsValid(scalar))
        {
            Fail($"invalid escape: U+{scalar:X} is not a Unicode scalar value (surrogates and values above 10FFFF are not allowed)", At(escapeAt));
        }

        _pos += digits;
        var rune = new Rune(scalar);
        Span<char> utf16 = stackalloc char[2];
        builder.Append(utf16[..rune.EncodeToUtf16(utf16)]);
    }
}
