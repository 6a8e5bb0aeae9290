namespace Spindle.Spin.Manifest;

/// <summary>The keys of a <c>[[trigger.redis]]</c> entry.</summary>
public sealed class RedisTriggerConfig
{
    public string Channel { get; init; } = "";

    /// <summary>Overrides <c>[application.trigger.redis] address</c>.</summary>
    public string? Address { get; init; }
}
