namespace Spindle.Host.Routing;

/// <summary>routefinder's segment kinds, in increasing specificity.</summary>
internal enum RouteSegmentKind
{
    Wildcard,
    Param,
    Exact,
}
