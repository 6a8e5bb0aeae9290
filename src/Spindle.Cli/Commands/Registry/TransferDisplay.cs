using System.Collections.Concurrent;
using Spectre.Console;
using Spindle.Oci;

namespace Spindle.Cli.Commands.Registry;

/// <summary>
/// Shows blob transfers: Spectre.Console progress bars on an interactive terminal, one plain line per finished blob
/// otherwise (CI logs, pipes).
/// </summary>
internal static class TransferDisplay
{
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static async Task<T> RunAsync<T>(TextWriter output, string verb, Func<IProgress<TransferProgress>, Task<T>> operation)
    {
        if (!IsInteractive(output))
        {
            return await operation(new PlainProgress(output, verb));
        }

        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
            .StartAsync(async context => await operation(new BarProgress(context, verb)));
    }

    private static string Short(string digest) => digest.Length > 19 ? digest[..19] : digest;

    private sealed class PlainProgress(TextWriter output, string verb) : IProgress<TransferProgress>
    {
        private readonly Lock _lock = new();

        public void Report(TransferProgress value)
        {
            var line = value.State switch
            {
                TransferState.Completed => $"{verb} {Short(value.Digest)} ({value.Total} bytes, {value.MediaType})",
                TransferState.Skipped => $"Skipped {Short(value.Digest)} (already present)",
                TransferState.Mounted => $"Mounted {Short(value.Digest)}",
                _ => null,
            };
            if (line is null) return;
            lock (_lock) output.WriteLine(line);
        }
    }

    private sealed class BarProgress(ProgressContext context, string verb) : IProgress<TransferProgress>
    {
        private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void Report(TransferProgress value)
        {
            var task = _tasks.GetOrAdd(value.Digest, digest => context.AddTask($"{verb} {Markup.Escape(Short(digest))}", maxValue: Math.Max(1, value.Total)));
            task.Value = value.State is TransferState.Skipped or TransferState.Mounted or TransferState.Completed ? task.MaxValue : value.Transferred;
        }
    }
}
