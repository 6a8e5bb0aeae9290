namespace Spindle.Host.Execution;

/// <summary>
/// Where component output goes, as in Spin: appended to <c>&lt;log-dir&gt;/&lt;component&gt;_stdout.txt</c> and
/// <c>_stderr.txt</c>, copied to the terminal for components named by <c>--follow</c>, dropped with <c>--quiet</c>
/// (unless followed) or when there is no log directory.
/// </summary>
internal sealed class ComponentStdio
{
    private readonly string? _logDirectory;
    private readonly IReadOnlySet<string> _follow;
    private readonly TextWriter? _terminal;
    private readonly Lock _gate = new();

    public ComponentStdio(string? logDirectory, IReadOnlySet<string>? follow = null, TextWriter? terminal = null)
    {
        _logDirectory = logDirectory;
        _follow = follow ?? new HashSet<string>();
        _terminal = terminal;
        if (logDirectory is not null)
        {
            Directory.CreateDirectory(logDirectory);
        }
    }

    public static ComponentStdio Discard { get; } = new(null);

    public string? LogDirectory => _logDirectory;

    /// <summary>Appends one request's output of <paramref name="componentId"/>; <paramref name="stream"/> is <c>stdout</c> or <c>stderr</c>.</summary>
    public void Write(string componentId, string stream, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            if (_logDirectory is not null)
            {
                using var file = new FileStream(Path.Combine(_logDirectory, $"{componentId}_{stream}.txt"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                file.Write(bytes);
            }

            if (_terminal is not null && (_follow.Contains(componentId) || _follow.Contains("*")))
            {
                _terminal.Write(System.Text.Encoding.UTF8.GetString(bytes));
                _terminal.Flush();
            }
        }
    }
}
