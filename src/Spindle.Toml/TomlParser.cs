using System.Text;

namespace Spindle.Toml;

/// <summary>
/// Recursive-descent TOML 1.0 reader over the document's characters. One instance per parse; the
/// line number and line start are tracked as newlines are consumed, so positions cost a subtraction.
/// </summary>
internal ref partial struct TomlParser
{
    // Arrays and inline tables recurse; bound the depth so hostile input fails with a TomlException.
    private const int MaxDepth = 512;

    private readonly ReadOnlySpan<char> _text;
    private readonly string? _sourceName;
    private readonly bool _hasSurrogates;
    private readonly TomlTable _root;
    private readonly List<KeyPart> _keyParts = new(4);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private StringBuilder? _builder;
    private TomlTable _current;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _section;
    private int _nextSection;
    private int _depth;

    private TomlParser(ReadOnlySpan<char> text, string? sourceName)
    {
        _text = text;
        _sourceName = sourceName;
        _hasSurrogates = text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        _root = new TomlTable(new TomlPosition(1, 1));
        _current = _root;
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    public static TomlTable Parse(ReadOnlySpan<char> text, string? sourceName)
    {
        var parser = new TomlParser(text, sourceName);
        parser.ParseDocument();
        return parser._root;
    }

    private void ParseDocument()
    {
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return;
            }

            var c = _text[_pos];
            if (c == '[')
            {
                ParseHeader();
                EndLine("after the table header");
            }
            else if (c is '#' or '\n' or '\r')
            {
                EndLine("");
            }
            else
            {
                ParseKeyValue(_current);
                EndLine("after the value");
            }
        }
    }

    /// <summary>Consumes optional trailing whitespace and comment, then a newline or the end of the document.</summary>
    private void EndLine(string context)
    {
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '#')
        {
            SkipComment();
        }

        if (_pos >= _text.Length)
        {
            return;
        }

        if (!TryConsumeNewline())
        {
            Fail($"expected a newline or end of file {context}, found {Describe(_pos)}; put each key/value pair and table header on its own line");
        }
    }

    private void ParseKeyValue(TomlTable table)
    {
        ParseKey();
        SkipWhitespace();
        if (_pos >= _text.Length || _text[_pos] != '=')
        {
            Fail($"expected '=' after key '{KeyText()}', found {Describe(_pos)}");
        }

        _pos++;
        SkipWhitespace();
        var last = _keyParts[^1];
        var target = OpenDottedParents(table);
        var existing = target.IndexOf(last.Name);
        if (existing >= 0)
        {
            Fail($"duplicate key '{KeyText()}': it is already defined at {target.GetKeyPosition(last.Name)}; TOML does not allow a key to be defined twice", last.Position);
        }

        if (_pos >= _text.Length || _text[_pos] is '\n' or '\r' or '#')
        {
            Fail($"expected a value after '=' for key '{KeyText()}'");
        }

        var value = ParseValue();
        target.AddUnchecked(last.Name, value, last.Position);
    }

    /// <summary>Walks (creating as needed) the tables named by all but the last part of a dotted key.</summary>
    private TomlTable OpenDottedParents(TomlTable table)
    {
        for (var i = 0; i < _keyParts.Count - 1; i++)
        {
            var part = _keyParts[i];
            var index = table.IndexOf(part.Name);
            if (index < 0)
            {
                var created = new TomlTable(part.Position) { State = TomlTableState.Dotted, DefiningSection = _section };
                table.AddUnchecked(part.Name, created, part.Position);
                table = created;
                continue;
            }

            var node = table.ValueAt(index);
            var sub = node as TomlTable;
            if (sub is null)
            {
                var what = node is TomlArray ? "an array" : Article(node.TypeName);
                Fail($"cannot use dotted key '{KeyText()}': '{KeyText(i + 1)}' is {what} defined at {node.Position}, not a table", part.Position);
            }

            switch (sub.State)
            {
                case TomlTableState.Inline:
                    Fail($"cannot add to inline table '{KeyText(i + 1)}' defined at {sub.Position}: inline tables are complete once written; use a [table] instead", part.Position);
                    break;
                case TomlTableState.Header:
                    Fail($"cannot add to table '{KeyText(i + 1)}' with dotted key '{KeyText()}': it is defined by a header at {sub.Position}; add the key under that header", part.Position);
                    break;
                case TomlTableState.Dotted when sub.DefiningSection != _section:
                    Fail($"cannot add to table '{KeyText(i + 1)}' with dotted key '{KeyText()}': it was defined by dotted keys at {sub.Position}", part.Position);
                    break;
                case TomlTableState.Implicit:
                    sub.State = TomlTableState.Dotted;
                    sub.DefiningSection = _section;
                    break;
            }

            table = sub;
        }

        return table;
    }

    private readonly record struct KeyPart(string Name, TomlPosition Position);
}
