using System.Diagnostics;
using System.Text.Json;

namespace Spindle.Oci.Auth;

/// <summary>
/// Runs a Docker credential helper (<c>docker-credential-&lt;name&gt; get</c>, server URL on stdin, JSON on stdout),
/// as Docker and Spin's docker_credential do. Identity tokens (Username "&lt;token&gt;") are not usable for Basic or
/// token requests, so they mean "no credentials", as in Spin.
/// </summary>
internal static class DockerCredentialHelper
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<RegistryCredentials?> GetAsync(string helper, string server, string? searchPath, CancellationToken cancellationToken)
    {
        var executable = Find("docker-credential-" + helper, searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "");
        if (executable is null) return null;
        // Helpers store Docker Hub under its v1 URL; other registries under the host as logged in.
        string[] keys = server == ImageReference.DockerHubIndex ? ["https://index.docker.io/v1/", server] : [server, "https://" + server];
        foreach (var key in keys)
        {
            if (await RunAsync(executable, key, cancellationToken) is { } credentials) return credentials;
        }

        return null;
    }

    private static async Task<RegistryCredentials?> RunAsync(string executable, string key, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable, ["get"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not executable: Docker would fail too; Spindle falls back to the file's auths
        }

        using var process = started;
        if (process is null) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.StandardInput.WriteAsync(key);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            _ = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0) return null; // "credentials not found in native keychain"
            using var document = JsonDocument.Parse(await output);
            var root = document.RootElement;
            var username = root.TryGetProperty("Username", out var u) ? u.GetString() : null;
            var secret = root.TryGetProperty("Secret", out var s) ? s.GetString() : null;
            if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(secret) || username == "<token>") return null;
            return new RegistryCredentials(username, secret);
        }
        catch (Exception e) when (e is JsonException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            return null;
        }
    }

    private static string? Find(string name, string searchPath)
    {
        foreach (var directory in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
