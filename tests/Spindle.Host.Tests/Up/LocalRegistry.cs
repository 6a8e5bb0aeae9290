namespace Spindle.Host.Tests.Up;

/// <summary>
/// The shared real-registry fixture (<see cref="RegistryServer"/>), started on first use so tests skipped for a
/// missing docker-registry never start one; killed on Dispose.
/// </summary>
public class LocalRegistry : IDisposable
{
    private readonly Lazy<RegistryServer> _server;

    public LocalRegistry()
        : this(RegistryAuth.None)
    {
    }

    protected LocalRegistry(RegistryAuth auth) => _server = new(() => RegistryServer.Start(auth));

    /// <summary>host:port, as references name it.</summary>
    public string Host => _server.Value.Host;

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (_server.IsValueCreated) _server.Value.Dispose();
    }
}

/// <summary>A <see cref="LocalRegistry"/> that requires htpasswd Basic auth (user <see cref="RegistryServer.Username"/>).</summary>
public sealed class BasicAuthLocalRegistry() : LocalRegistry(RegistryAuth.Basic);
