using Spindle.Oci.Auth;
using Spindle.Oci.Distribution;

namespace Spindle.Oci.Tests.Distribution;

/// <summary>One long-lived <see cref="RegistryClient"/> (its token cache survives between calls) for tests.</summary>
public sealed class RegistryClientProbe(string host, RegistryCredentials? credentials, RegistryClientOptions options) : IDisposable
{
    private readonly RegistryClient _client = new(host, credentials, options);

    public Task<IReadOnlyList<string>> ListTagsAsync(string repository) => _client.ListTagsAsync(repository, CancellationToken.None);

    public void Dispose() => _client.Dispose();
}
