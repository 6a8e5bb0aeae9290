using System.Text;

namespace Spindle.Kubernetes;

/// <summary>Appends escaped query parameters to an API path.</summary>
internal struct QueryString
{
    private StringBuilder? _builder;
    private readonly string _path;

    public QueryString(string path)
    {
        _path = path;
        _builder = null;
    }

    public void Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        _builder ??= new StringBuilder(_path);
        _builder.Append(_builder.Length == _path.Length ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    public readonly override string ToString() => _builder?.ToString() ?? _path;
}
