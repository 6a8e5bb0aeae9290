namespace Spindle.Host.Routing;

/// <summary>A route declared twice: the later declaration (<see cref="EffectiveId"/>) wins, as in Spin.</summary>
internal sealed record DuplicateRoute(string BasedRoute, string ReplacedId, string EffectiveId)
{
    /// <summary>The route as Spin prints it (the root route is stored as "" and shown as "/").</summary>
    public string Route => BasedRoute.Length == 0 ? "/" : BasedRoute;
}
