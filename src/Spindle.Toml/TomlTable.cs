using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Spindle.Toml;

/// <summary>A TOML table; enumerates its keys in document order.</summary>
public sealed class TomlTable : TomlNode, IEnumerable<KeyValuePair<string, TomlNode>>
{
    // Small tables (the common case in manifests) are searched linearly; an index appears past this size.
    private const int IndexThreshold = 8;

    private Entry[] _entries = [];
    private int _count;
    private Dictionary<string, int>? _index;

    public TomlTable(TomlPosition position = default) : base(position)
    {
    }

    public override TomlNodeKind Kind => TomlNodeKind.Table;

    public int Count => _count;

    /// <summary>True for a table written inline (<c>{ a = 1 }</c>).</summary>
    public bool IsInline { get; internal set; }

    /// <summary>True for a table that is one element of an array of tables (<c>[[name]]</c>).</summary>
    public bool IsArrayOfTablesElement { get; internal set; }

    /// <summary>How the parser saw this table defined; drives TOML's redefinition rules.</summary>
    internal TomlTableState State { get; set; }

    /// <summary>For tables created by dotted keys: the section (header) number that created them.</summary>
    internal int DefiningSection { get; set; }

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _entries[i].Key;
            }
        }
    }

    public TomlNode this[string key]
    {
        get
        {
            var i = IndexOf(key);
            if (i < 0)
            {
                throw new KeyNotFoundException($"key '{key}' is not in the table at {Position}");
            }

            return _entries[i].Value;
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlNode value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }

        value = _entries[i].Value;
        return true;
    }

    /// <summary>Where <paramref name="key"/> was written (its first occurrence for tables defined by headers).</summary>
    public TomlPosition GetKeyPosition(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            throw new KeyNotFoundException($"key '{key}' is not in the table at {Position}");
        }

        return _entries[i].KeyPosition;
    }

    /// <summary>Adds a key; throws when it is already present (TOML forbids duplicate keys).</summary>
    public void Add(string key, TomlNode value) => Add(key, value, value.Position);

    public void Add(string key, TomlNode value, TomlPosition keyPosition)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"key '{key}' is already defined", nameof(key));
        }

        AddUnchecked(key, value, keyPosition);
    }

    internal void AddUnchecked(string key, TomlNode value, TomlPosition keyPosition)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count == 0 ? 4 : _count * 2);
        }

        _entries[_count] = new Entry(key, value, keyPosition);
        if (_index is not null)
        {
            _index[key] = _count;
        }
        else if (_count == IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var i = 0; i <= _count; i++)
            {
                _index[_entries[i].Key] = i;
            }
        }

        _count++;
    }

    internal int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    internal TomlNode ValueAt(int index) => _entries[index].Value;

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, TomlNode>> IEnumerable<KeyValuePair<string, TomlNode>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private readonly record struct Entry(string Key, TomlNode Value, TomlPosition KeyPosition);

    public struct Enumerator : IEnumerator<KeyValuePair<string, TomlNode>>
    {
        private readonly TomlTable _table;
        private int _index;

        internal Enumerator(TomlTable table)
        {
            _table = table;
            _index = -1;
        }

        public readonly KeyValuePair<string, TomlNode> Current => new(_table._entries[_index].Key, _table._entries[_index].Value);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _table._count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
