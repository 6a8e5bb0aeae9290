namespace Spindle.Spin.RuntimeConfig;

/// <summary>A <c>[[client_tls]]</c> entry: TLS settings for outbound requests from some components to some hosts.</summary>
public sealed class ClientTlsConfig
{
    public IReadOnlyList<string> ComponentIds { get; init; } = [];

    public IReadOnlyList<string> Hosts { get; init; } = [];

    public bool CaUseWebpkiRoots { get; init; }

    public string? CaRootsFile { get; init; }

    public string? ClientCertFile { get; init; }

    public string? ClientPrivateKeyFile { get; init; }
}
