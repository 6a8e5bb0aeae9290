using Microsoft.Extensions.Logging;

namespace Spindle.Host.Up;

/// <summary>Host log lines on the terminal as Spin shows them: warnings and errors, one line each, prefixed by level.</summary>
internal sealed class TerminalLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly TextWriter _writer = writer;

    public ILogger CreateLogger(string categoryName) => new TerminalLogger(this);

    public void Dispose()
    {
    }

    private sealed class TerminalLogger(TerminalLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var prefix = logLevel >= LogLevel.Error ? "ERROR" : "WARN";
            lock (owner._gate)
            {
                owner._writer.WriteLine($"{prefix} {formatter(state, exception)}");
                if (exception is not null)
                {
                    owner._writer.WriteLine(exception.ToString());
                }

                owner._writer.Flush();
            }
        }
    }
}
