using System.Text;
using System.Text.RegularExpressions;

namespace Spindle.Cli.Tests.Build;

/// <summary>A thread-safe writer for a command that keeps running: lets a test wait for a line it prints.</summary>
internal sealed class CapturingWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
            if (value == '\n') Signal();
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
            Signal();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_text) return _text.ToString();
    }

    /// <summary>Completes with the first match of <paramref name="pattern"/> in what has been written, now or later.</summary>
    public Task<Match> WaitForAsync(Regex pattern)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_text)
        {
            _waiters.Add((pattern, found));
            Signal();
        }

        return found.Task;
    }

    private void Signal()
    {
        var text = _text.ToString();
        foreach (var (pattern, found) in _waiters)
        {
            if (!found.Task.IsCompleted && pattern.Match(text) is { Success: true } match) found.TrySetResult(match);
        }
    }
}
