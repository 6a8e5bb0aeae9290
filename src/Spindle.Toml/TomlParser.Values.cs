using System.Runtime.CompilerServices;

namespace Spindle.Toml;

internal ref partial struct TomlParser
{
    private TomlNode ParseValue()
    {
        var position = At(_pos);
        if (_pos >= _text.Length)
        {
            Fail("expected a value, found end of file");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '"':
                return new TomlString(StartsWithAt(_pos, "\"\"\"") ? ParseMultiLineString('"') : ParseBasicString(), position);
            case '\'':
                return new TomlString(StartsWithAt(_pos, "'''") ? ParseMultiLineString('\'') : ParseLiteralString(), position);
            case 't':
                ExpectWord("true", position);
                return new TomlBoolean(true, position);
            case 'f':
                ExpectWord("false", position);
                return new TomlBoolean(false, position);
            case '[':
                return ParseArray(position);
            case '{':
                return ParseInlineTable(position);
            case 'i' or 'n' or '+' or '-':
                return ParseNumber(position);
        }

        if (char.IsAsciiDigit(c))
        {
            // Date-times start with four digits and '-' (a date) or two digits and ':' (a time).
            if (IsDigitAt(_pos + 1))
            {
                if (CharAt(_pos + 2) == ':')
                {
                    return ParseDateTime(position, hasDate: false);
                }

                if (IsDigitAt(_pos + 2) && IsDigitAt(_pos + 3) && CharAt(_pos + 4) == '-')
                {
                    return ParseDateTime(position, hasDate: true);
                }
            }

            return ParseNumber(position);
        }

        Fail($"expected a value, found {Describe(_pos)}; strings must be quoted (\"...\" or '...')");
        return null!;
    }

    private void ExpectWord(string word, TomlPosition position)
    {
        if (!StartsWithAt(_pos, word) || !IsValueEnd(_pos + word.Length))
        {
            Fail($"expected a value, found {Describe(_pos)}; booleans are lower-case true or false and strings must be quoted", position);
        }

        _pos += word.Length;
    }

    /// <summary>True when a scalar may end at <paramref name="offset"/> (whitespace, comment, separator, line or file end).</summary>
    private readonly bool IsValueEnd(int offset)
        => offset >= _text.Length || _text[offset] is ' ' or '\t' or '\n' or '\r' or '#' or ',' or ']' or '}';

    private TomlArray ParseArray(TomlPosition position)
    {
        EnterNesting();
        _pos++;
        var array = new TomlArray(position);
        while (true)
        {
            SkipWhitespaceCommentsAndNewlines();
            if (_pos >= _text.Length)
            {
                Fail($"unterminated array starting at {position}: expected ']'");
            }

            if (_text[_pos] == ']')
            {
                break;
            }

            if (_text[_pos] == ',')
            {
                Fail("expected a value in the array, found ','; remove the extra comma");
            }

            array.Add(ParseValue());
            SkipWhitespaceCommentsAndNewlines();
            if (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_pos < _text.Length && _text[_pos] == ']')
            {
                break;
            }

            Fail($"expected ',' or ']' after an array element, found {Describe(_pos)}; separate elements with commas");
        }

        _pos++;
        _depth--;
        return array;
    }

    private TomlTable ParseInlineTable(TomlPosition position)
    {
        EnterNesting();
        _pos++;
        var table = new TomlTable(position) { IsInline = true, State = TomlTableState.Inline };

        // Dotted keys inside an inline table may extend each other, but only within this table.
        var outerSection = _section;
        _section = ++_nextSection;
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '}')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                FailOnInlineNewline(position);
                ParseKeyValue(table);
                SkipWhitespace();
                FailOnInlineNewline(position);
                if (_pos >= _text.Length)
                {
                    Fail($"unterminated inline table starting at {position}: expected '}}'");
                }

                var c = _text[_pos++];
                if (c == '}')
                {
                    break;
                }

                if (c != ',')
                {
                    Fail($"expected ',' or '}}' in inline table, found {Describe(_pos - 1)}", At(_pos - 1));
                }

                var comma = At(_pos - 1);
                SkipWhitespace();
                FailOnInlineNewline(position);
                if (_pos < _text.Length && _text[_pos] == '}')
                {
                    Fail("trailing comma is not allowed in an inline table (TOML 1.0); remove the last ','", comma);
                }
            }
        }

        _section = outerSection;
        _depth--;
        return table;
    }

    private readonly void FailOnInlineNewline(TomlPosition position)
    {
        if (_pos < _text.Length && _text[_pos] is '\n' or '\r' or '#')
        {
            Fail($"inline table starting at {position} must be on one line (TOML 1.0 allows no newlines or comments inside {{ }}); use a [table] for longer content");
        }
    }

    private void EnterNesting()
    {
        // The depth cap bounds hostile input; past modest nesting the stack check covers threads with
        // small stacks (it wants a margin, so it would refuse even shallow documents on a 128 KB thread).
        if (++_depth > MaxDepth || (_depth > 64 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            Fail($"arrays and inline tables are nested too deeply ({_depth} levels; at most {MaxDepth} are supported)");
        }
    }
}
