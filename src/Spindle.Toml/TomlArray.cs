using System.Collections;

namespace Spindle.Toml;

/// <summary>A TOML array: an inline <c>[ ... ]</c> value or an array of tables (<c>[[name]]</c>).</summary>
public sealed class TomlArray : TomlNode, IReadOnlyList<TomlNode>
{
    private TomlNode[] _items = [];
    private int _count;

    public TomlArray(TomlPosition position = default) : base(position)
    {
    }

    /// <summary>True when the array was built by <c>[[name]]</c> headers rather than written inline.</summary>
    public bool IsArrayOfTables { get; internal set; }

    public override TomlNodeKind Kind => TomlNodeKind.Array;

    public int Count => _count;

    public TomlNode this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"array has {_count} elements");
            }

            return _items[index];
        }
    }

    public void Add(TomlNode item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count == 0 ? 4 : _count * 2);
        }

        _items[_count++] = item;
    }

    /// <summary>The last element; the parser appends sub-tables of <c>[[a]]</c> to it.</summary>
    internal TomlNode Last => _items[_count - 1];

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<TomlNode> IEnumerable<TomlNode>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<TomlNode>
    {
        private readonly TomlArray _array;
        private int _index;

        internal Enumerator(TomlArray array)
        {
            _array = array;
            _index = -1;
        }

        public readonly TomlNode Current => _array._items[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _array._count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
