namespace Spindle.Host.Routing;

/// <summary>One slash-delimited piece of a route: literal text, <c>:name</c>, or the trailing <c>*</c>.</summary>
internal readonly record struct RouteSegment(RouteSegmentKind Kind, string Text);
