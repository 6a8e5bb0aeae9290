using System.Buffers;
using System.Security.Cryptography;

namespace Spindle.Oci;

/// <summary>OCI content digests: "sha256:" and the lowercase hex SHA-256 of the raw bytes.</summary>
internal static class Digests
{
    public const string Sha256Prefix = "sha256:";

    public static string Sha256(ReadOnlySpan<byte> content) => Sha256Prefix + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Digest and size of a file, streamed so large wasm files never sit in memory.</summary>
    public static async Task<(string Digest, long Size)> Sha256FileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        long size = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Sha256Prefix + Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>True for "sha256:" + 64 lowercase hex digits (the only algorithm Spin produces).</summary>
    public static bool IsSha256(string digest)
    {
        if (digest.Length != Sha256Prefix.Length + 64 || !digest.StartsWith(Sha256Prefix, StringComparison.Ordinal)) return false;
        foreach (var c in digest.AsSpan(Sha256Prefix.Length))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    /// <summary>The file name a digest is stored under in the cache: Spin's, with ':' replaced on Windows.</summary>
    public static string FileName(string digest) => OperatingSystem.IsWindows() ? digest.Replace(':', '_') : digest;
}
