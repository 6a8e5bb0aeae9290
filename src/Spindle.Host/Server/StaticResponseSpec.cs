namespace Spindle.Host.Server;

/// <summary>A trigger's <c>static_response</c>: answered by the host without running a component.</summary>
internal sealed record StaticResponseSpec(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);
