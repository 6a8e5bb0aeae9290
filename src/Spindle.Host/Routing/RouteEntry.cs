namespace Spindle.Host.Routing;

/// <summary>One HTTP trigger's route as configured: a pattern, or <c>{ private = ... }</c> when <see cref="Private"/> is set.</summary>
internal sealed record RouteEntry(TriggerLookupKey Key, string? Route, bool? Private = null)
{
    public static RouteEntry Pattern(string componentId, string route) => new(TriggerLookupKey.Component(componentId), route);
}
