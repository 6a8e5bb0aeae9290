using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Spindle.Kubernetes.Config;
using Spindle.Kubernetes.Tests.Fixtures;

namespace Spindle.Kubernetes.Tests.Config;

/// <summary>The client's TLS settings against a real TLS server on 127.0.0.1 (SslStream), answering /version.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TestCertificates _certs = new("kube.test");
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task _serving = Task.CompletedTask;

    public string? ClientSubject { get; private set; }

    public Task InitializeAsync()
    {
        _listener.Start();
        _serving = ServeAsync();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _certs.Dispose();
    }

    private Uri Server => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(connection));
        }
    }

    private async Task HandleAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                // The server side accepts any client certificate: the test only records which one was sent.
#pragma warning disable CA5359
                await using var ssl = new SslStream(connection.GetStream(), false, (_, certificate, _, _) =>
                {
                    ClientSubject = certificate?.Subject;
                    return true;
                });
#pragma warning restore CA5359
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certs.Server,
                    ClientCertificateRequired = true,
                }, _stop.Token);
                var buffer = new byte[4096];
                var request = new StringBuilder();
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await ssl.ReadAsync(buffer, _stop.Token);
                    if (read == 0) return;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                const string body = """{"gitVersion":"v1.20.2"}""";
                var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                await ssl.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
            {
                // The client refused our certificate: that is what some tests expect.
            }
        }
    }

    private async Task<string> VersionAsync(KubernetesClientConfiguration config)
    {
        using var client = new KubernetesClient(config);
        return await client.GetServerVersionAsync();
    }

    [Fact]
    public async Task CustomCa_WithTlsServerName_AndClientCertificate_Connects()
    {
        var version = await VersionAsync(new KubernetesClientConfiguration
        {
            Server = Server,
            CertificateAuthorityPem = _certs.CaPem,
            TlsServerName = "kube.test",
            ClientCertificatePem = _certs.ClientPem,
            ClientKeyPem = _certs.ClientKeyPem,
        });

        Assert.Equal("v1.20.2", version);
        Assert.Equal(_certs.Client.Subject, ClientSubject);
    }

    [Fact]
    public async Task CustomCa_HostNameMismatch_IsRefused()
    {
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => VersionAsync(new KubernetesClientConfiguration
        {
            Server = Server,
            CertificateAuthorityPem = _certs.CaPem,
        }));
        Assert.IsType<System.Security.Authentication.AuthenticationException>(e.InnerException);
    }

    [Fact]
    public async Task UnknownCa_IsRefused()
    {
        using var other = new TestCertificates("kube.test");
        await Assert.ThrowsAsync<HttpRequestException>(() => VersionAsync(new KubernetesClientConfiguration
        {
            Server = Server,
            CertificateAuthorityPem = other.CaPem,
            TlsServerName = "kube.test",
        }));
    }

    [Fact]
    public async Task InsecureSkipTlsVerify_AcceptsAnyCertificate()
    {
        Assert.Equal("v1.20.2", await VersionAsync(new KubernetesClientConfiguration { Server = Server, InsecureSkipTlsVerify = true }));
    }

    [Fact]
    public void ClientCertificateWithoutKey_NamesBothFields()
    {
        var e = Assert.Throws<KubeConfigException>(() => new KubernetesClient(new KubernetesClientConfiguration
        {
            Server = Server,
            ContextName = "dev",
            ClientCertificatePem = _certs.ClientPem,
        }));
        Assert.Contains("context 'dev': a client certificate needs both client-certificate and client-key", e.Message, StringComparison.Ordinal);
    }
}
