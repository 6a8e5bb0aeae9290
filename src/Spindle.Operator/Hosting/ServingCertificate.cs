using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spindle.Operator.Hosting;

/// <summary>
/// The webhook server's certificate from tls.crt/tls.key in a directory, reloaded when cert-manager rotates the files,
/// or a fixed certificate (tests, the self-signed metrics certificate).
/// </summary>
internal sealed class ServingCertificate
{
    private readonly string? _directory;
    private readonly object _gate = new();
    private X509Certificate2? _certificate;
    private DateTime _loadedStamp;

    private ServingCertificate(string? directory, X509Certificate2? certificate)
    {
        _directory = directory;
        _certificate = certificate;
    }

    public static ServingCertificate FromDirectory(string directory)
    {
        var serving = new ServingCertificate(directory, null);
        serving.Current(); // fail at startup, not on the first handshake
        return serving;
    }

    public static ServingCertificate Fixed(X509Certificate2 certificate) => new(null, certificate);

    /// <summary>A self-signed certificate for <paramref name="subject"/> (what controller-runtime does when no certificate is given).</summary>
    public static ServingCertificate SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(subject);
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        return Fixed(X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null));
    }

    public X509Certificate2 Current()
    {
        if (_directory is null) return _certificate!;
        var certFile = Path.Combine(_directory, "tls.crt");
        var keyFile = Path.Combine(_directory, "tls.key");
        lock (_gate)
        {
            var stamp = File.Exists(certFile) ? File.GetLastWriteTimeUtc(certFile) : default;
            if (_certificate is not null && stamp == _loadedStamp) return _certificate;
            if (!File.Exists(certFile) || !File.Exists(keyFile))
            {
                throw new FileNotFoundException(
                    $"webhook certificate not found: {certFile} and {keyFile} must exist (mount the webhook-server-cert Secret there or set --webhook-cert-dir)");
            }

            using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            // Re-import so the key is usable by SslStream on every platform.
            _certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            _loadedStamp = stamp;
            return _certificate;
        }
    }
}
