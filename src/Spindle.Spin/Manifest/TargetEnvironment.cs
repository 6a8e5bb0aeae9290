namespace Spindle.Spin.Manifest;

/// <summary>
/// A <c>targets</c> entry: an environment id such as <c>"spin-up:3.3"</c> from the default catalogue, an id in
/// another registry (<c>{ registry, id }</c>), or a local file (<c>{ path }</c>).
/// </summary>
public sealed record TargetEnvironment(string? Id, string? Registry = null, string? Path = null);
