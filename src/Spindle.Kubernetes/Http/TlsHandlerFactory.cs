using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Spindle.Kubernetes.Config;

namespace Spindle.Kubernetes;

/// <summary>Builds the SocketsHttpHandler for one API server: custom CA, client certificate, insecure mode, TLS server name.</summary>
internal static class TlsHandlerFactory
{
    public static SocketsHttpHandler Create(KubernetesClientConfiguration configuration, ExecCredentialProvider? exec)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            // Watches hold a connection each; requests must not queue behind them.
            MaxConnectionsPerServer = int.MaxValue,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip,
            UseCookies = false,
            ConnectCallback = ConnectWithKeepAliveAsync,
        };

        if (configuration.ProxyUrl is not null) handler.Proxy = new System.Net.WebProxy(configuration.ProxyUrl);

        var ssl = handler.SslOptions;

        if (configuration.ClientCertificatePem is not null || configuration.ClientKeyPem is not null)
        {
            if (configuration.ClientCertificatePem is null || configuration.ClientKeyPem is null)
                throw new KubeConfigException($"context '{configuration.ContextName}': a client certificate needs both client-certificate and client-key.");
            ssl.ClientCertificates = [LoadClientCertificate(configuration.ClientCertificatePem, configuration.ClientKeyPem)];
        }
        else if (exec is not null)
        {
            // The plugin may hand out a certificate; it is fetched before the first request is sent.
            ssl.LocalCertificateSelectionCallback = (_, _, _, _, _) => exec.Certificate!;
        }

        if (configuration.InsecureSkipTlsVerify)
        {
#pragma warning disable CA5359 // insecure-skip-tls-verify: the user asked for it in the kubeconfig, as kubectl allows.
            ssl.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (configuration.CertificateAuthorityPem is not null || configuration.TlsServerName is not null)
        {
            var roots = configuration.CertificateAuthorityPem is null ? null : LoadCertificates(configuration.CertificateAuthorityPem, configuration.ContextName);
            var serverName = configuration.TlsServerName;
            ssl.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(certificate, errors, roots, serverName);
        }

        return handler;
    }

    // A watch can sit idle for minutes; TCP keepalive (30 s, as client-go's dialer) notices a dead peer or NAT entry.
    private static async ValueTask<Stream> ConnectWithKeepAliveAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 30);
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static X509Certificate2 LoadClientCertificate(string certificatePem, string keyPem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KubeConfigException($"client certificate/key PEM could not be loaded ({e.Message}): check client-certificate(-data) and client-key(-data).", e);
        }
    }

    public static X509Certificate2Collection LoadCertificates(string pem, string? context)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KubeConfigException($"context '{context}': certificate-authority PEM could not be read ({e.Message}).", e);
        }

        if (collection.Count == 0)
            throw new KubeConfigException($"context '{context}': certificate-authority contains no PEM CERTIFICATE block.");
        return collection;
    }

    private static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection? roots, string? serverName)
    {
        if (certificate is null) return false;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());

        // tls-server-name: SocketsHttpHandler always verifies the URL's host, so the name is checked here instead.
        if (serverName is not null)
        {
            if (!leaf.MatchesHostname(serverName)) return false;
            errors &= ~SslPolicyErrors.RemoteCertificateNameMismatch;
        }

        // A wrong host name stays fatal; only the chain is judged again against the kubeconfig's CA.
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        if (roots is null) return errors == SslPolicyErrors.None;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}
