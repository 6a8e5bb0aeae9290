using System.Diagnostics;
using System.Text;

namespace Spindle.Host.Tests.Up;

/// <summary>
/// A real CNCF distribution registry (Debian's docker-registry) on 127.0.0.1 with temporary storage, anonymous or
/// with htpasswd Basic auth, started on first use so tests skipped for a missing docker-registry never start one;
/// killed on Dispose.
/// </summary>
public class LocalRegistry : IDisposable
{
    private readonly Lazy<(Process Process, string Host)> _server;
    private readonly string _directory = Directory.CreateTempSubdirectory("spindle-up-registry-").FullName;
    private readonly StringBuilder _log = new();

    private readonly bool _basicAuth;

    public LocalRegistry()
        : this(basicAuth: false)
    {
    }

    protected LocalRegistry(bool basicAuth)
    {
        _basicAuth = basicAuth;
        _server = new(Start);
    }

    /// <summary>host:port, as references name it.</summary>
    public string Host => _server.Value.Host;

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (_server.IsValueCreated)
        {
            var process = _server.Value.Process;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }

            process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private (Process, string) Start()
    {
        var host = $"127.0.0.1:{FreePort.Next()}";
        var config = Path.Combine(_directory, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_directory, "storage")}
            http:
              addr: {host}
              secret: spindle-up-test-secret

            """);
        if (_basicAuth)
        {
            var htpasswd = Path.Combine(_directory, "htpasswd");
            File.WriteAllText(htpasswd, Htpasswd("spindle", "s3cret-pass"));
            File.AppendAllText(config, $"""
                auth:
                  htpasswd:
                    realm: spindle-test
                    path: {htpasswd}

                """);
        }

        var start = new ProcessStartInfo(TestEnvironment.FindTool("docker-registry") ?? "docker-registry", ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"docker-registry exited with {process.ExitCode}: {Log()}");
            try
            {
                using var response = http.GetAsync($"http://{host}/v2/").GetAwaiter().GetResult();
                return (process, host);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            Thread.Sleep(100);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"docker-registry did not answer on {host}: {Log()}");
    }

    private static string Htpasswd(string user, string password)
    {
        var start = new ProcessStartInfo(TestEnvironment.FindTool("htpasswd") ?? "htpasswd", ["-Bbn", user, password])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("htpasswd did not start");
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return line + "\n";
    }

    private string Log()
    {
        lock (_log) return _log.ToString();
    }
}

/// <summary>A <see cref="LocalRegistry"/> that requires htpasswd Basic auth.</summary>
public sealed class BasicAuthLocalRegistry() : LocalRegistry(basicAuth: true);
