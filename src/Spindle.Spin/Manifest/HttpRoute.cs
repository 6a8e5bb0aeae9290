namespace Spindle.Spin.Manifest;

/// <summary>An HTTP trigger's <c>route</c>: a pattern (<c>"/api/..."</c>, <c>"/users/:id"</c>) or <c>{ private = true }</c>.</summary>
public sealed record HttpRoute(string? Pattern, bool IsPrivate = false);
