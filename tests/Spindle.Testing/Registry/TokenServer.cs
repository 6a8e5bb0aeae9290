using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Spindle.Testing;

/// <summary>
/// A small docker token service: Basic-authenticated GET /token?service=&amp;scope= answering RS256 JWTs whose x5c
/// header carries a leaf certificate signed by a root the registry trusts (rootcertbundle). distribution 2.8
/// verifies x5c against that bundle, then the signature, issuer, audience and times.
/// </summary>
public sealed class TokenServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly RSA _signingKey;
    private readonly X509Certificate2 _leaf;
    private readonly string _username;
    private readonly string _password;
    private readonly string _service;
    private readonly string _issuer;
    private readonly Task _loop;
    private int _requests;
    private int _corruptNext;

    public TokenServer(string username, string password, string service, string issuer)
    {
        _username = username;
        _password = password;
        _service = service;
        _issuer = issuer;
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=spindle test token root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        using var root = rootRequest.CreateSelfSigned(notBefore, notBefore.AddDays(2));
        RootCertificatePem = root.ExportCertificatePem();

        _signingKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=spindle test token signer", _signingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        _leaf = leafRequest.Create(root, notBefore, notBefore.AddDays(1), RandomNumberGenerator.GetBytes(8));

        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Realm => $"http://127.0.0.1:{Port}/token";

    public string RootCertificatePem { get; }

    /// <summary>Token requests answered so far (a client caching tokens per scope asks once per scope).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Breaks the next token's signature, so the registry answers 401 to it.</summary>
    public void CorruptNextToken() => Interlocked.Exchange(ref _corruptNext, 1);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _signingKey.Dispose();
        _leaf.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Answer(context);
            }
            catch (HttpListenerException)
            {
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        var response = context.Response;
        var authorization = request.Headers["Authorization"];
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_username}:{_password}"));
        if (request.Url?.AbsolutePath != "/token" || authorization != expected)
        {
            response.StatusCode = 401;
            response.AddHeader("WWW-Authenticate", "Basic realm=\"spindle token service\"");
            response.Close();
            return;
        }

        var access = new List<object>();
        foreach (var scope in request.QueryString.GetValues("scope") ?? [])
        {
            // repository:name:actions — names may contain ':' only before the last segment (registry:port is not in scopes).
            var parts = scope.Split(':');
            if (parts.Length < 3) continue;
            access.Add(new { type = parts[0], name = string.Join(':', parts[1..^1]), actions = parts[^1].Split(',') });
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var corrupt = Interlocked.Exchange(ref _corruptNext, 0) == 1;
        var header = new Dictionary<string, object> { ["typ"] = "JWT", ["alg"] = "RS256", ["x5c"] = new[] { Convert.ToBase64String(_leaf.RawData) } };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = _issuer,
            ["sub"] = _username,
            ["aud"] = request.QueryString["service"] ?? _service,
            ["exp"] = now + 300,
            ["nbf"] = now - 60,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = access,
        };
        var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _signingKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (corrupt) signature[0] ^= 0xFF;

        var token = signingInput + "." + Base64Url(signature);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { token, access_token = token, expires_in = 300, issued_at = DateTimeOffset.UtcNow.ToString("O") });
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
