using System.Text.Json;
using Spindle.Oci;
using Spindle.Spin;
using Spindle.Spin.Build;
using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;

namespace Spindle.Cli.Commands.Registry;

/// <summary>
/// Turns `push -f` into locked-app JSON with file:// sources, the plain data Spindle.Oci takes: a spin.lock is
/// pushed as is; a spin.toml is locked by Spindle.Spin with its files copied to a temporary directory (Spin's
/// copy strategy), which lives until the push is done.
/// </summary>
internal sealed class PushSource : IDisposable
{
    private PushSource(byte[] lockedApp, string? filesRoot)
    {
        LockedApp = lockedApp;
        FilesRoot = filesRoot;
    }

    public byte[] LockedApp { get; }

    public string? FilesRoot { get; }

    /// <param name="output">Where <c>--build</c> reports progress and the build commands' standard output.</param>
    /// <param name="error">Where the build commands' standard error goes.</param>
    public static async Task<PushSource> LoadAsync(string? from, bool build, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (from is not null && string.IsNullOrWhiteSpace(from))
        {
            throw new OciException(OciErrorKind.InvalidInput, "-f is empty: pass the app's spin.toml, its directory, or a spin.lock");
        }

        var path = Path.GetFullPath(from ?? "spin.toml");
        if (Directory.Exists(path)) path = Path.Combine(path, "spin.toml");
        if (!File.Exists(path)) throw new OciException(OciErrorKind.InvalidInput, $"{path} not found: pass the app with -f spin.toml, its directory, or a spin.lock");
        if (IsLockedApp(path))
        {
            if (build) throw new OciException(OciErrorKind.InvalidInput, "--build needs a spin.toml, not a locked app");
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            try
            {
                // Checked here so the error names the file; Spindle.Oci only sees bytes.
                using var _ = JsonDocument.Parse(bytes);
            }
            catch (JsonException e)
            {
                throw new OciException(OciErrorKind.InvalidInput, $"{path} is not a locked app: invalid JSON ({e.Message}). Pass a spin.lock written by spin or spindle, or the app's spin.toml", inner: e);
            }

            return new PushSource(bytes, null);
        }

        if (build)
        {
            try
            {
                await new AppBuilder(output, error).BuildAsync(SpinManifest.Load(path), [], cancellationToken);
            }
            catch (SpinException e)
            {
                throw new OciException(OciErrorKind.InvalidInput, e.Message, inner: e);
            }
        }

        var filesRoot = Directory.CreateTempSubdirectory("spindle-push-").FullName;
        try
        {
            var locked = ManifestLocker.Lock(SpinManifest.Load(path), new LockOptions { FilesMountRoot = filesRoot });
            return new PushSource(locked.ToJson(), filesRoot);
        }
        catch (Exception e)
        {
            Directory.Delete(filesRoot, recursive: true);
            if (e is SpinException) throw new OciException(OciErrorKind.InvalidInput, e.Message, inner: e);
            throw;
        }
    }

    public void Dispose()
    {
        if (FilesRoot is not null && Directory.Exists(FilesRoot)) Directory.Delete(FilesRoot, recursive: true);
    }

    private static bool IsLockedApp(string path)
    {
        if (path.EndsWith(".lock", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return true;
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[1];
        return stream.Read(head) == 1 && head[0] == (byte)'{';
    }
}
