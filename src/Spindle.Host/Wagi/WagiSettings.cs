using Spindle.Host.Execution;
using Spindle.Spin.Manifest;
using Spindle.Wasi;

namespace Spindle.Host.Wagi;

/// <summary>How one Wagi component runs: the executor's <c>argv</c> and <c>entrypoint</c>, its environment and files, limits.</summary>
internal sealed record WagiSettings
{
    public string Argv { get; init; } = HttpExecutor.DefaultWagiArgv;

    public string Entrypoint { get; init; } = "_start";

    /// <summary>The component's <c>environment</c> as NAME=VALUE, set before the CGI variables.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>The component's <c>files</c>, mounted read-only.</summary>
    public IReadOnlyList<WasiPreopen> Preopens { get; init; } = [];

    public ComponentStdio Stdio { get; init; } = ComponentStdio.Discard;

    /// <summary>Epoch ticks a request may run (see <see cref="Server.EpochTicker"/>); <see cref="ulong.MaxValue"/> for no timeout.</summary>
    public ulong EpochDeadline { get; init; } = ulong.MaxValue;

    /// <summary>The same limit as a duration, for waits in the host (poll_oneoff) that epochs cannot interrupt.</summary>
    public TimeSpan? RequestTimeout { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The most stdout one request may buffer; tests lower it.</summary>
    public long MaxStdoutBytes { get; init; } = DefaultMaxStdoutBytes;

    /// <summary>
    /// Spin buffers Wagi stdout with no limit we know of (docs/reference/spin-runtime.md 3.2); we cap it so one
    /// request cannot exhaust the host's memory. 64 MiB is far above any CGI response we expect.
    /// </summary>
    public const long DefaultMaxStdoutBytes = 64L << 20;
}
