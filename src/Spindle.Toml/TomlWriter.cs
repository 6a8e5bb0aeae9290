using System.Globalization;
using System.Text;

namespace Spindle.Toml;

/// <summary>
/// Writes documents in the TOML subset Spindle emits (runtime-config files): tables, sub-tables,
/// arrays of tables, strings, integers, booleans, floats, date-times and arrays. Output is
/// deterministic: keys in table order, '\n' newlines, keys quoted only when not bare, strings as
/// basic strings with escapes. Within a table, plain values come before sub-tables (TOML requires it).
/// </summary>
public sealed class TomlWriter
{
    private readonly TextWriter _output;
    private readonly List<string> _path = [];
    private bool _wroteSection;

    public TomlWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>The document as TOML text.</summary>
    public static string ToToml(TomlTable document)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new TomlWriter(writer).WriteDocument(document);
        return writer.ToString();
    }

    /// <summary>The document as UTF-8 bytes without a BOM.</summary>
    public static byte[] ToUtf8Bytes(TomlTable document) => Encoding.UTF8.GetBytes(ToToml(document));

    public void WriteDocument(TomlTable document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _path.Clear();
        _wroteSection = false;
        WriteBody(document);
    }

    /// <summary>Quotes <paramref name="value"/> as a TOML basic string, escaping quotes, backslashes and control characters.</summary>
    public static string QuoteBasic(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2);
        AppendBasic(builder, value);
        return builder.ToString();
    }

    /// <summary>A key as written in TOML: bare when it only has A-Z a-z 0-9 _ -, otherwise quoted.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return "\"\"";
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return QuoteBasic(key);
            }
        }

        return key;
    }

    private void WriteBody(TomlTable table)
    {
        foreach (var (key, value) in table)
        {
            if (!IsSection(value))
            {
                _output.Write(FormatKey(key));
                _output.Write(" = ");
                _output.Write(FormatValue(value));
                _output.Write('\n');
                _wroteSection = true;
            }
        }

        foreach (var (key, value) in table)
        {
            if (!IsSection(value))
            {
                continue;
            }

            _path.Add(key);
            if (value is TomlTable sub)
            {
                // A table holding only sub-tables needs no header of its own.
                if (HasPlainValues(sub) || !HasSections(sub))
                {
                    WriteHeader("[", "]");
                }

                WriteBody(sub);
            }
            else
            {
                foreach (var element in (TomlArray)value)
                {
                    WriteHeader("[[", "]]");
                    WriteBody((TomlTable)element);
                }
            }

            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void WriteHeader(string open, string close)
    {
        if (_wroteSection)
        {
            _output.Write('\n');
        }

        _output.Write(open);
        for (var i = 0; i < _path.Count; i++)
        {
            if (i > 0)
            {
                _output.Write('.');
            }

            _output.Write(FormatKey(_path[i]));
        }

        _output.Write(close);
        _output.Write('\n');
        _wroteSection = true;
    }

    /// <summary>Tables and non-empty arrays of tables are written as [sections]; inline tables stay inline.</summary>
    private static bool IsSection(TomlNode node) => node switch
    {
        TomlTable table => !table.IsInline,
        TomlArray array => array.Count > 0 && AllTables(array),
        _ => false,
    };

    private static bool AllTables(TomlArray array)
    {
        foreach (var item in array)
        {
            if (item is not TomlTable { IsInline: false })
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasPlainValues(TomlTable table)
    {
        foreach (var (_, value) in table)
        {
            if (!IsSection(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSections(TomlTable table)
    {
        foreach (var (_, value) in table)
        {
            if (IsSection(value))
            {
                return true;
            }
        }

        return false;
    }

    private static string FormatValue(TomlNode node)
    {
        var builder = new StringBuilder();
        AppendValue(builder, node);
        return builder.ToString();
    }

    private static void AppendValue(StringBuilder builder, TomlNode node)
    {
        switch (node)
        {
            case TomlString s:
                AppendBasic(builder, s.Value);
                break;
            case TomlInteger i:
                builder.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case TomlBoolean b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case TomlFloat f:
                builder.Append(FormatFloat(f.Value));
                break;
            case TomlDateTime d:
                builder.Append(d.Text);
                break;
            case TomlArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    AppendValue(builder, array[i]);
                }

                builder.Append(']');
                break;
            case TomlTable table:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in table)
                {
                    builder.Append(first ? " " : ", ");
                    builder.Append(FormatKey(key)).Append(" = ");
                    AppendValue(builder, value);
                    first = false;
                }

                builder.Append(first ? "}" : " }");
                break;
        }
    }

    private static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? text : text + ".0";
    }

    private static void AppendBasic(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (c < 0x20 || c == '\x7F')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
