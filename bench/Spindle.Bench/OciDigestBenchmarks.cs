using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Spindle.Oci;

namespace Spindle.Bench;

/// <summary>
/// SHA-256 digests of a 16 MB blob with Spindle.Oci's digest code: in memory (<c>Digests.Sha256</c>, how pulled
/// blobs that fit in memory are verified) and streamed from a file in 64 KB reads (<c>Digests.Sha256FileAsync</c>,
/// how pushed files are digested; pulled layers are hashed the same way as they stream to the cache).
/// Run: dotnet run -c Release --project bench/Spindle.Bench -- --filter '*OciDigest*'
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class OciDigestBenchmarks
{
    private const int Size = 16 * 1024 * 1024;

    private byte[] _blob = [];
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _blob = new byte[Size];
        RandomNumberGenerator.Fill(_blob);
        _path = Path.Combine(Path.GetTempPath(), $"spindle-bench-{Guid.NewGuid():N}.blob");
        File.WriteAllBytes(_path, _blob);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public string InMemory() => Digests.Sha256(_blob);

    [Benchmark]
    public async Task<string> StreamedFromFile() => (await Digests.Sha256FileAsync(_path, CancellationToken.None).ConfigureAwait(false)).Digest;
}
