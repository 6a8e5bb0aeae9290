using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spindle.Kubernetes.Tests.Fixtures;

/// <summary>A throwaway CA with server and client certificates, as PEM, for kubeconfig and TLS tests.</summary>
internal sealed class TestCertificates : IDisposable
{
    public TestCertificates(string serverName = "127.0.0.1")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=spindle-test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        CaPem = Ca.ExportCertificatePem();

        (Server, ServerPem, ServerKeyPem) = Issue("CN=" + serverName, serverName, serverAuth: true);
        (Client, ClientPem, ClientKeyPem) = Issue("CN=spindle-client, O=system:masters", null, serverAuth: false);
    }

    public X509Certificate2 Ca { get; }

    public string CaPem { get; }

    public X509Certificate2 Server { get; }

    public string ServerPem { get; }

    public string ServerKeyPem { get; }

    public X509Certificate2 Client { get; }

    public string ClientPem { get; }

    public string ClientKeyPem { get; }

    public static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));

    private (X509Certificate2 Certificate, string Pem, string KeyPem) Issue(string subject, string? name, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (name is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            if (IPAddress.TryParse(name, out var ip)) san.AddIpAddress(ip);
            else san.AddDnsName(name);
            request.CertificateExtensions.Add(san.Build());
        }

        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        using var issued = request.Create(Ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), serial);
        var pem = issued.ExportCertificatePem();
        var keyPem = key.ExportPkcs8PrivateKeyPem();
        return (X509Certificate2.CreateFromPem(pem, keyPem), pem, keyPem);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
    }
}
