using Spindle.Oci;
using Spindle.Oci.Auth;
using Spindle.Oci.Cache;
using Spindle.Oci.Distribution;
using Spindle.Spin.Locked;

namespace Spindle.Host.Up;

/// <summary>
/// <c>spindle up</c> from an OCI registry, as <c>spin up</c> decides it (spin src/commands/up/app_source.rs): an
/// existing file or directory wins; otherwise a value that looks like a reference is pulled; <c>--from-registry</c>
/// is always a reference. The pull reuses cached, digest-verified layers; the app is then served like a local one.
/// </summary>
internal static class RegistryAppSource
{
    /// <summary>The reference to pull, or null when the app is local (handled by <see cref="AppSource"/>).</summary>
    public static string? SelectReference(string? from, string? fromRegistry, string workingDirectory)
    {
        if (fromRegistry is not null)
        {
            if (from is not null)
            {
                throw new SpinHostException($"-f/--from '{from}' and --from-registry '{fromRegistry}' cannot be used together: pass one of them");
            }

            return fromRegistry;
        }

        if (from is null)
        {
            return null;
        }

        var path = Path.GetFullPath(from, workingDirectory);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return null;
        }

        return IsProbablyReference(from)
            ? from
            : throw new SpinHostException($"File or directory '{from}' not found. If you meant to load from a registry, use the `--from-registry` option.");
    }

    /// <summary>
    /// Spin's heuristic (spin crates/oci/src/lib.rs <c>is_probably_oci_reference</c>): a relative path such as
    /// <c>foo/spin.toml</c> parses as a Docker Hub reference, so an inferred Docker Hub registry without an explicit tag
    /// does not count unless the text says "docker".
    /// </summary>
    public static bool IsProbablyReference(string value)
    {
        if (!ImageReference.TryParse(value, out var reference, out _))
        {
            return false;
        }

        if (reference.Tag != ImageReference.DefaultTag || value.EndsWith(":" + ImageReference.DefaultTag, StringComparison.Ordinal))
        {
            return true;
        }

        return !(reference.Registry == ImageReference.DockerHub && !value.Contains("docker", StringComparison.Ordinal));
    }

    /// <summary>Pulls <paramref name="reference"/> into <paramref name="cache"/> and rebuilds its locked app, with files under <paramref name="workingDirectory"/>. Throws <see cref="OciException"/> (bad reference, 401, 404...).</summary>
    public static async Task<LockedApp> LoadAsync(string reference, bool insecure, OciCache cache, string workingDirectory, CancellationToken cancellationToken)
    {
        // Parsed first so a bad reference is reported without touching the network or the cache.
        ImageReference.Parse(reference);
        var client = new SpinRegistryClient(CredentialStore.FromEnvironment(), new RegistryClientOptions { Insecure = insecure });
        try
        {
            var pulled = await client.PullAsync(reference, cache, progress: null, cancellationToken);
            var json = await PulledAppLoader.PrepareAsync(pulled, cache, workingDirectory, cancellationToken);
            return LockedApp.FromJson(json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpinHostException($"cannot store {reference} in the cache {cache.Root}: {e.Message}; check its permissions or pass another --cache-dir", e);
        }
    }
}
