namespace Spindle.Host.Routing;

/// <summary>What a route leads to: a component (run per request) or a trigger answered by the host (a static response).</summary>
internal readonly record struct TriggerLookupKey(string Id, bool IsTrigger = false)
{
    public static TriggerLookupKey Component(string id) => new(id);

    public static TriggerLookupKey Trigger(string id) => new(id, true);

    public override string ToString() => Id;
}
