using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Spindle.Toml;

internal ref partial struct TomlParser
{
    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    /// <summary>Skips a '#' comment up to (not including) the line end, rejecting control characters.</summary>
    private void SkipComment()
    {
        _pos++;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n' || (c == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n'))
            {
                return;
            }

            if (c == '\r')
            {
                Fail("a carriage return (\\r) in a comment must be followed by a line feed (\\n)");
            }

            if (IsControl(c))
            {
                Fail($"control character {Describe(_pos)} is not allowed in a comment");
            }

            _pos++;
        }
    }

    /// <summary>Consumes LF or CRLF and advances the line counter; a bare CR is an error.</summary>
    private bool TryConsumeNewline()
    {
        var c = _text[_pos];
        if (c == '\n')
        {
            _pos++;
        }
        else if (c == '\r')
        {
            if (_pos + 1 >= _text.Length || _text[_pos + 1] != '\n')
            {
                Fail("a carriage return (\\r) must be followed by a line feed (\\n); TOML newlines are LF or CRLF");
            }

            _pos += 2;
        }
        else
        {
            return false;
        }

        _line++;
        _lineStart = _pos;
        return true;
    }

    /// <summary>Skips whitespace, comments and newlines (inside arrays).</summary>
    private void SkipWhitespaceCommentsAndNewlines()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t')
            {
                _pos++;
            }
            else if (c == '#')
            {
                SkipComment();
            }
            else if (!(c is '\n' or '\r' && TryConsumeNewline()))
            {
                return;
            }
        }
    }

    /// <summary>Control characters TOML forbids in comments and strings (tab is allowed).</summary>
    private static bool IsControl(char c) => (c < 0x20 && c != '\t') || c == '\x7F';

    private static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Parses a (possibly dotted) key into <see cref="_keyParts"/>.</summary>
    private void ParseKey()
    {
        _keyParts.Clear();
        while (true)
        {
            SkipWhitespace();
            var position = At(_pos);
            var c = _pos < _text.Length ? _text[_pos] : '\0';
            string name;
            if (c == '"')
            {
                if (StartsWithAt(_pos, "\"\"\""))
                {
                    Fail("a multi-line string cannot be used as a key; use \"key\" or 'key'");
                }

                name = Intern(ParseBasicString());
            }
            else if (c == '\'')
            {
                if (StartsWithAt(_pos, "'''"))
                {
                    Fail("a multi-line string cannot be used as a key; use \"key\" or 'key'");
                }

                name = Intern(ParseLiteralString());
            }
            else if (_pos < _text.Length && IsBareKeyChar(c))
            {
                var start = _pos;
                while (_pos < _text.Length && IsBareKeyChar(_text[_pos]))
                {
                    _pos++;
                }

                name = Intern(_text[start.._pos]);
            }
            else
            {
                var after = _keyParts.Count == 0 ? "" : $" after '{KeyText()}.'";
                Fail($"expected a key{after}, found {Describe(_pos)}; bare keys may contain only A-Z a-z 0-9 _ -, quote other keys");
                return;
            }

            _keyParts.Add(new KeyPart(name, position));
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '.')
            {
                _pos++;
                continue;
            }

            return;
        }
    }

    /// <summary>Key names repeat across a manifest ("route", "component", "source"): share one string each.</summary>
    private string Intern(ReadOnlySpan<char> name)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var known))
        {
            return known;
        }

        var created = name.ToString();
        _names.Add(created, created);
        return created;
    }

    private string Intern(string name)
    {
        if (_names.TryGetValue(name, out var known))
        {
            return known;
        }

        _names.Add(name, name);
        return name;
    }

    /// <summary>The first <paramref name="count"/> parts of the current key, dotted, for messages.</summary>
    private readonly string KeyText(int count = -1)
    {
        if (count < 0)
        {
            count = _keyParts.Count;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            var name = _keyParts[i].Name;
            var bare = name.Length > 0;
            foreach (var c in name)
            {
                bare &= IsBareKeyChar(c);
            }

            builder.Append(bare ? name : TomlWriter.QuoteBasic(name));
        }

        return builder.ToString();
    }

    private readonly bool StartsWithAt(int offset, string prefix)
        => offset <= _text.Length && _text[offset..].StartsWith(prefix, StringComparison.Ordinal);

    private readonly bool IsDigitAt(int offset) => offset < _text.Length && char.IsAsciiDigit(_text[offset]);

    private readonly char CharAt(int offset) => offset < _text.Length ? _text[offset] : '\0';

    /// <summary>The position of <paramref name="offset"/>, which must be on the current line.</summary>
    private readonly TomlPosition At(int offset)
    {
        var column = offset - _lineStart + 1;
        if (_hasSurrogates)
        {
            var end = Math.Min(offset, _text.Length);
            for (var i = _lineStart; i < end; i++)
            {
                if (char.IsLowSurrogate(_text[i]))
                {
                    column--;
                }
            }
        }

        return new TomlPosition(_line, column);
    }

    /// <summary>Names the character at <paramref name="offset"/> for messages ("end of file", "'x'", "U+0001").</summary>
    private readonly string Describe(int offset)
    {
        if (offset >= _text.Length)
        {
            return "end of file";
        }

        var c = _text[offset];
        return c switch
        {
            '\n' or '\r' => "end of line",
            '\t' => "a tab",
            _ when char.IsControl(c) || char.IsSurrogate(c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            _ => $"'{c}'",
        };
    }

    private static string Article(string noun) => (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun;

    [DoesNotReturn]
    private readonly void Fail(string reason) => Fail(reason, At(_pos));

    [DoesNotReturn]
    private readonly void Fail(string reason, TomlPosition position) => ThrowError(reason, position, _sourceName);

    [DoesNotReturn]
    private static void ThrowError(string reason, TomlPosition position, string? sourceName)
        => throw new TomlException(reason, position.Line, position.Column, sourceName);
}
