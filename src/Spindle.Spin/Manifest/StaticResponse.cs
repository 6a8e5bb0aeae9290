namespace Spindle.Spin.Manifest;

/// <summary><c>static_response = { status_code, headers, body }</c> (Spin 3.5+): answered by the host, no component.</summary>
public sealed class StaticResponse
{
    public int? StatusCode { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? Body { get; init; }

    public int Status => StatusCode ?? 200;
}
