using System.Diagnostics;
using System.Net.Http;
using System.Text;

namespace Spindle.Testing;

public enum RegistryAuth
{
    None,
    Basic,
    Token,
}

/// <summary>
/// A real CNCF distribution registry (Debian's docker-registry) on 127.0.0.1 with a temporary storage directory,
/// anonymous, htpasswd (bcrypt) Basic auth, or token auth trusting <see cref="TokenServer"/>. Killed on Dispose.
/// </summary>
public sealed class RegistryServer : IDisposable
{
    public const string Username = "spindle";
    public const string Password = "s3cret-pass";
    public const string Service = "spindle-test-registry";
    public const string Issuer = "spindle-test-issuer";

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private RegistryServer(RegistryAuth auth)
    {
        Auth = auth;
        Directory = System.IO.Directory.CreateTempSubdirectory("spindle-registry-").FullName;
        StorageDirectory = Path.Combine(Directory, "storage");
        System.IO.Directory.CreateDirectory(StorageDirectory);
        Port = FreePort.Next();
        var config = new StringBuilder($"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {StorageDirectory}
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              addr: 127.0.0.1:{Port}
              secret: spindle-test-secret

            """);
        if (auth == RegistryAuth.Basic)
        {
            var htpasswd = Path.Combine(Directory, "htpasswd");
            File.WriteAllText(htpasswd, Htpasswd(Username, Password));
            config.Append($"""
                auth:
                  htpasswd:
                    realm: spindle-test
                    path: {htpasswd}

                """);
        }
        else if (auth == RegistryAuth.Token)
        {
            Tokens = new TokenServer(Username, Password, Service, Issuer);
            var bundle = Path.Combine(Directory, "root.pem");
            File.WriteAllText(bundle, Tokens.RootCertificatePem);
            config.Append($"""
                auth:
                  token:
                    realm: {Tokens.Realm}
                    service: {Service}
                    issuer: {Issuer}
                    rootcertbundle: {bundle}

                """);
        }

        var configPath = Path.Combine(Directory, "config.yml");
        File.WriteAllText(configPath, config.ToString());
        var start = new ProcessStartInfo(TestEnvironment.FindTool("docker-registry") ?? "docker-registry", ["serve", configPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilReady();
    }

    public RegistryAuth Auth { get; }

    public string Directory { get; }

    public string StorageDirectory { get; }

    public int Port { get; }

    /// <summary>host:port, as references and logins name it.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public TokenServer? Tokens { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static RegistryServer Start(RegistryAuth auth) => new(auth);

    /// <summary>The file distribution stores a blob's bytes in.</summary>
    public string BlobDataPath(string digest)
    {
        var hex = digest["sha256:".Length..];
        return Path.Combine(StorageDirectory, "docker", "registry", "v2", "blobs", "sha256", hex[..2], hex, "data");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        Tokens?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WaitUntilReady()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode}: {Log}");
            try
            {
                using var response = http.GetAsync($"http://{Host}/v2/").GetAwaiter().GetResult();
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException($"docker-registry did not answer on {Host}: {Log}");
    }

    private static string Htpasswd(string user, string password)
    {
        var start = new ProcessStartInfo(TestEnvironment.FindTool("htpasswd") ?? "htpasswd", ["-Bbn", user, password])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return line + "\n";
    }
}
