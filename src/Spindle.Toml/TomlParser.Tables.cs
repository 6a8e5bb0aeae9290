namespace Spindle.Toml;

/// <summary>[table] and [[array of tables]] headers, with TOML 1.0's redefinition rules.</summary>
internal ref partial struct TomlParser
{
    private void ParseHeader()
    {
        var headerPosition = At(_pos);
        var isArray = _pos + 1 < _text.Length && _text[_pos + 1] == '[';
        _pos += isArray ? 2 : 1;
        ParseKey();
        SkipWhitespace();
        if (_pos >= _text.Length || _text[_pos] != ']')
        {
            Fail($"expected '{(isArray ? "]]" : "]")}' to close header [{(isArray ? "[" : "")}{KeyText()}, found {Describe(_pos)}");
        }

        _pos++;
        if (isArray)
        {
            if (_pos >= _text.Length || _text[_pos] != ']')
            {
                Fail($"expected ']]' to close array-of-tables header [[{KeyText()}]], found {Describe(_pos)}");
            }

            _pos++;
        }

        var table = OpenHeaderParents();
        var last = _keyParts[^1];
        var index = table.IndexOf(last.Name);
        _section = ++_nextSection;
        if (isArray)
        {
            _current = AppendArrayTable(table, index, last, headerPosition);
            return;
        }

        if (index < 0)
        {
            _current = new TomlTable(headerPosition) { State = TomlTableState.Header };
            table.AddUnchecked(last.Name, _current, last.Position);
            return;
        }

        var node = table.ValueAt(index);
        if (node is TomlTable existing && existing.State == TomlTableState.Implicit)
        {
            existing.State = TomlTableState.Header;
            existing.Position = headerPosition;
            _current = existing;
            return;
        }

        var reason = node switch
        {
            TomlArray { IsArrayOfTables: true } => $"'{KeyText()}' is an array of tables (first at {node.Position}); use [[{KeyText()}]] to add an element",
            TomlArray => $"'{KeyText()}' is already an array defined at {node.Position}",
            TomlTable { State: TomlTableState.Inline } => $"'{KeyText()}' is an inline table defined at {node.Position}; inline tables cannot be extended",
            TomlTable { State: TomlTableState.Dotted } => $"table '{KeyText()}' was already defined by dotted keys at {node.Position}",
            TomlTable => $"table [{KeyText()}] is defined twice (first at {node.Position}); merge the two sections",
            _ => $"'{KeyText()}' is already {Article(node.TypeName)} defined at {node.Position}",
        };
        Fail(reason, headerPosition);
    }

    private TomlTable AppendArrayTable(TomlTable parent, int index, KeyPart last, TomlPosition headerPosition)
    {
        TomlArray array;
        if (index < 0)
        {
            array = new TomlArray(headerPosition) { IsArrayOfTables = true };
            parent.AddUnchecked(last.Name, array, last.Position);
        }
        else if (parent.ValueAt(index) is TomlArray { IsArrayOfTables: true } existing)
        {
            array = existing;
        }
        else
        {
            var node = parent.ValueAt(index);
            var reason = node switch
            {
                TomlArray => $"cannot append [[{KeyText()}]]: '{KeyText()}' is an array value defined at {node.Position}, and arrays written inline cannot be extended",
                TomlTable => $"cannot define [[{KeyText()}]]: '{KeyText()}' is already a table defined at {node.Position}",
                _ => $"cannot define [[{KeyText()}]]: '{KeyText()}' is already {Article(node.TypeName)} defined at {node.Position}",
            };
            Fail(reason, headerPosition);
            return null!;
        }

        var element = new TomlTable(headerPosition) { State = TomlTableState.Header, IsArrayOfTablesElement = true };
        array.Add(element);
        return element;
    }

    /// <summary>Walks (creating implicit tables as needed) all but the last part of a header's key.</summary>
    private TomlTable OpenHeaderParents()
    {
        var table = _root;
        for (var i = 0; i < _keyParts.Count - 1; i++)
        {
            var part = _keyParts[i];
            var index = table.IndexOf(part.Name);
            if (index < 0)
            {
                var created = new TomlTable(part.Position) { State = TomlTableState.Implicit };
                table.AddUnchecked(part.Name, created, part.Position);
                table = created;
                continue;
            }

            switch (table.ValueAt(index))
            {
                case TomlTable { State: TomlTableState.Inline } inline:
                    Fail($"cannot extend inline table '{KeyText(i + 1)}' defined at {inline.Position}: inline tables are complete once written", part.Position);
                    break;
                case TomlTable sub:
                    table = sub;
                    break;
                case TomlArray { IsArrayOfTables: true } array:
                    table = (TomlTable)array.Last;
                    break;
                case TomlArray array:
                    Fail($"cannot extend '{KeyText(i + 1)}': it is an array value defined at {array.Position}, not a table", part.Position);
                    break;
                case var node:
                    Fail($"cannot use '{KeyText(i + 1)}' as a table: it is {Article(node.TypeName)} defined at {node.Position}", part.Position);
                    break;
            }
        }

        return table;
    }
}
