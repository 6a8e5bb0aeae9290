namespace Spindle.Host;

/// <summary>How <c>spindle up</c> serves an app. Defaults match <c>spin up</c>, plus a request timeout Spin lacks.</summary>
internal sealed record SpinHostOptions
{
    /// <summary><c>--listen</c>: host:port; <c>localhost</c> binds 127.0.0.1 (Spin prefers IPv4 localhost).</summary>
    public string ListenAddress { get; init; } = "127.0.0.1:3000";

    /// <summary><c>--find-free-port</c>: try the next 9 ports when the port is taken.</summary>
    public bool FindFreePort { get; init; }

    /// <summary><c>--request-timeout</c>: a component running longer is interrupted and the request answered 500. Null: none.</summary>
    public TimeSpan? RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests executing at once; more wait in a queue.</summary>
    public int MaxConcurrentRequests { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Requests waiting for a slot beyond which the server answers 503.</summary>
    public int MaxQueuedRequests { get; init; } = 1000;

    /// <summary>How long shutdown waits for in-flight requests.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
