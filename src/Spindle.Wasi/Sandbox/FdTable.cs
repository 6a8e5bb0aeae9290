namespace Spindle.Wasi.Sandbox;

/// <summary>The guest's descriptor table; new descriptors take the lowest free number, as POSIX does.</summary>
internal sealed class FdTable
{
    private readonly List<FdEntry?> _entries = [];

    public int Count => _entries.Count;

    public FdEntry? Get(int fd) => fd >= 0 && fd < _entries.Count ? _entries[fd] : null;

    public int Add(FdEntry entry)
    {
        var index = _entries.IndexOf(null);
        if (index < 0)
        {
            _entries.Add(entry);
            return _entries.Count - 1;
        }

        _entries[index] = entry;
        return index;
    }

    public void Set(int fd, FdEntry? entry)
    {
        while (_entries.Count <= fd)
        {
            _entries.Add(null);
        }

        _entries[fd] = entry;
    }

    public FdEntry? Remove(int fd)
    {
        var entry = Get(fd);
        if (entry is not null)
        {
            _entries[fd] = null;
        }

        return entry;
    }
}
