using Spindle.Oci.Tests.Support;

namespace Spindle.Oci.Tests.Functional;

/// <summary>Starts a registry lazily, so tests skipped for a missing docker-registry never start one.</summary>
public abstract class RegistryFixture(RegistryAuth auth) : IDisposable
{
    private readonly Lazy<RegistryServer> _server = new(() => RegistryServer.Start(auth));

    public RegistryServer Server => _server.Value;

    public void Dispose()
    {
        if (_server.IsValueCreated) _server.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AnonymousRegistryFixture() : RegistryFixture(RegistryAuth.None);

public sealed class BasicAuthRegistryFixture() : RegistryFixture(RegistryAuth.Basic);

public sealed class TokenAuthRegistryFixture() : RegistryFixture(RegistryAuth.Token);
