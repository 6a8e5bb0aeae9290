using Spindle.Toml;

namespace Spindle.Spin.Manifest;

/// <summary>The keys of an <c>[[trigger.http]]</c> entry.</summary>
public sealed class HttpTriggerConfig
{
    public HttpRoute Route { get; init; } = new("/");

    /// <summary>Null when not written (the <c>http</c> executor is then used).</summary>
    public HttpExecutor? Executor { get; init; }

    public StaticResponse? StaticResponse { get; init; }

    /// <summary>Trigger-level <c>dependencies</c> (only <c>middleware</c> is allowed for HTTP).</summary>
    public TomlTable? Dependencies { get; init; }
}
