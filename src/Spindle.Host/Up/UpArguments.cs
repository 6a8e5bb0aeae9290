namespace Spindle.Host.Up;

/// <summary>The command line of <c>spindle up</c>, as <c>spin up</c> takes it.</summary>
internal sealed record UpArguments
{
    /// <summary><c>-f/--from</c>.</summary>
    public string? From { get; init; }

    /// <summary><c>--from-registry</c>: an OCI reference, never a path.</summary>
    public string? FromRegistry { get; init; }

    /// <summary><c>-k/--insecure</c>: talk plain HTTP to the registry.</summary>
    public bool Insecure { get; init; }

    /// <summary><c>--cache-dir</c>: the registry cache root (default <c>$XDG_CACHE_HOME/spindle</c>, shared with <c>spindle registry pull</c>).</summary>
    public string? CacheDir { get; init; }

    /// <summary><c>--listen</c> (or <c>SPIN_HTTP_LISTEN_ADDR</c>); default 127.0.0.1:3000.</summary>
    public string? Listen { get; init; }

    public bool FindFreePort { get; init; }

    /// <summary><c>-e/--env NAME=VALUE</c>, for every component.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary><c>--variable name=value</c> or <c>name=@file</c>.</summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary><c>--runtime-config-file</c> (or <c>RUNTIME_CONFIG_FILE</c>).</summary>
    public string? RuntimeConfigFile { get; init; }

    /// <summary><c>-c/--component-id</c> (or <c>SPIN_COMPONENTS_TO_RETAIN</c>, comma-separated).</summary>
    public IReadOnlyList<string> ComponentIds { get; init; } = [];

    /// <summary><c>--follow</c>: components whose output is copied to the terminal (<c>*</c>: all).</summary>
    public IReadOnlyList<string> Follow { get; init; } = [];

    public bool Quiet { get; init; }

    /// <summary><c>-L/--log-dir</c> (or <c>SPIN_LOG_DIR</c>); default <c>.spin/logs</c> next to the manifest.</summary>
    public string? LogDir { get; init; }

    /// <summary><c>--request-timeout</c>: 500ms, 2s, 1m...; 0 disables; default 30s.</summary>
    public string? RequestTimeout { get; init; }
}
