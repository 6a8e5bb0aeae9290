using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spindle.Oci.Auth;

/// <summary>
/// Where registry credentials come from, in Spin's order: Spindle's own store (written by
/// <c>spindle registry login</c>), then Spin's (<c>$XDG_CONFIG_HOME/fermyon/registry-auth.json</c>), then Docker's
/// <c>config.json</c> <c>auths</c>; none means anonymous. Both Spin-format stores are <c>{"auths":{server: base64}}</c>.
/// </summary>
public sealed class CredentialStore
{
    public CredentialStore(string storePath, IReadOnlyList<string>? fallbackStorePaths = null, string? dockerConfigPath = null)
    {
        StorePath = storePath;
        FallbackStorePaths = fallbackStorePaths ?? [];
        DockerConfigPath = dockerConfigPath;
    }

    /// <summary>The file <see cref="SaveAsync"/> writes: <c>$XDG_CONFIG_HOME/spindle/registry-auth.json</c> by default.</summary>
    public string StorePath { get; }

    public IReadOnlyList<string> FallbackStorePaths { get; }

    public string? DockerConfigPath { get; }

    /// <summary>The store under the user's configuration directory, with Spin's store and Docker's config as fallbacks.</summary>
    public static CredentialStore FromEnvironment()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var configDir = string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".config") : xdg;
        var dockerDir = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        var docker = Path.Combine(string.IsNullOrEmpty(dockerDir) ? Path.Combine(home, ".docker") : dockerDir, "config.json");
        return new CredentialStore(
            Path.Combine(configDir, "spindle", "registry-auth.json"),
            [Path.Combine(configDir, "fermyon", "registry-auth.json")],
            docker);
    }

    /// <summary>The key a server is stored under: host[:port], with docker.io mapped to index.docker.io (as Spin).</summary>
    public static string NormalizeServer(string server)
    {
        var host = server.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) host = host[(scheme + 3)..];
        var slash = host.IndexOf('/');
        if (slash >= 0) host = host[..slash];
        host = host.ToLowerInvariant();
        return host is ImageReference.DockerHub or "registry-1.docker.io" ? ImageReference.DockerHubIndex : host;
    }

    /// <summary>Credentials for a registry host, or null for anonymous access.</summary>
    public async Task<RegistryCredentials?> GetAsync(string server, CancellationToken cancellationToken)
    {
        var key = NormalizeServer(server);
        foreach (var path in (string[])[StorePath, .. FallbackStorePaths])
        {
            var auths = await ReadAuthsAsync(path, cancellationToken);
            if (auths is not null && Find(auths, key) is { } node && node.GetValueKind() == JsonValueKind.String
                && RegistryCredentials.FromBase64(node.GetValue<string>()) is { } credentials)
            {
                return credentials;
            }
        }

        if (DockerConfigPath is null || await ReadRootAsync(DockerConfigPath, cancellationToken) is not { } dockerRoot) return null;
        // Docker's order: a per-registry helper, else the default store, else the file's auths.
        var helper = (dockerRoot["credHelpers"] as JsonObject) is { } helpers && Find(helpers, key) is JsonValue named && named.TryGetValue<string>(out var h) ? h
            : dockerRoot["credsStore"] is JsonValue store && store.TryGetValue<string>(out var s) ? s
            : null;
        if (helper is not null && await DockerCredentialHelper.GetAsync(helper, key, HelperSearchPath, cancellationToken) is { } fromHelper)
        {
            return fromHelper;
        }

        if (dockerRoot["auths"] is JsonObject docker && Find(docker, key) is JsonObject entry)
        {
            if (entry["auth"] is JsonValue auth && auth.TryGetValue<string>(out var encoded) && RegistryCredentials.FromBase64(encoded) is { } fromAuth)
            {
                return fromAuth;
            }

            if (entry["username"] is JsonValue user && entry["password"] is JsonValue password
                && user.TryGetValue<string>(out var u) && password.TryGetValue<string>(out var p))
            {
                return new RegistryCredentials(u, p);
            }
        }

        return null;
    }

    /// <summary>Where docker-credential-* helpers are looked up: PATH unless a test sets it.</summary>
    internal string? HelperSearchPath { get; init; }

    /// <summary>Saves credentials for a server in <see cref="StorePath"/> (mode 0600 on Unix).</summary>
    public async Task SaveAsync(string server, RegistryCredentials credentials, CancellationToken cancellationToken)
    {
        var root = await ReadRootAsync(StorePath, cancellationToken) ?? new JsonObject();
        if (root["auths"] is not JsonObject auths)
        {
            auths = new JsonObject();
            root["auths"] = auths;
        }

        auths[NormalizeServer(server)] = credentials.ToBase64();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StorePath))!);
        var temp = StorePath + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(temp, options))
        {
            await JsonSerializer.SerializeAsync(stream, root, new JsonSerializerOptions { WriteIndented = true }, cancellationToken);
        }

        File.Move(temp, StorePath, overwrite: true);
    }

    private static JsonNode? Find(JsonObject auths, string key)
    {
        foreach (var (server, value) in auths)
        {
            if (NormalizeServer(server) == key) return value;
        }

        return null;
    }

    private static async Task<JsonObject?> ReadAuthsAsync(string path, CancellationToken cancellationToken) =>
        (await ReadRootAsync(path, cancellationToken))?["auths"] as JsonObject;

    private static async Task<JsonObject?> ReadRootAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return null;
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException e)
        {
            throw new OciException(OciErrorKind.InvalidInput, $"credentials file {path} is not valid JSON ({e.Message}): fix or delete it", inner: e);
        }
    }
}
