using Spindle.Host.Http;

namespace Spindle.Host.Execution;

/// <summary>What a component answered: status, headers (later ones replace earlier ones of the same name) and body.</summary>
internal sealed record ComponentResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public static ComponentResponse Empty(int status) => new(status, [], []);

    /// <summary>The value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? TryGetHeader(string name) => HeaderList.TryGetLast(Headers, name);
}
