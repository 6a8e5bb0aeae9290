namespace Spindle.Wasi;

/// <summary>What a WASI guest sees: arguments, environment, preopened directories and stdio.</summary>
public sealed record WasiConfiguration
{
    /// <summary>argv, including argv[0] (by convention the program name).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables as NAME=VALUE (the host environment is not inherited).</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>Directories the guest may access, as file descriptors 3, 4, ... in this order.</summary>
    public IReadOnlyList<WasiPreopen> Preopens { get; init; } = [];

    /// <summary>stdin; null inherits the host process's standard input.</summary>
    public Stream? Stdin { get; init; }

    /// <summary>stdout; null inherits the host process's standard output.</summary>
    public Stream? Stdout { get; init; }

    /// <summary>stderr; null inherits the host process's standard error.</summary>
    public Stream? Stderr { get; init; }

    /// <summary>Source of the realtime and monotonic clocks (and poll timeouts).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Interrupts the guest while it waits in the host (a <c>poll_oneoff</c> sleep), where the engine's epoch checks
    /// cannot reach: the call traps with <c>TrapKind.Interrupted</c>, as an epoch deadline does in guest code.
    /// The embedder cancels it at its request deadline.
    /// </summary>
    public CancellationToken Interruption { get; init; }
}
