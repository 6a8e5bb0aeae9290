using System.Globalization;
using BenchmarkDotNet.Attributes;
using Spindle.Spin.Locked;
using Spindle.Spin.Manifest;

namespace Spindle.Bench;

/// <summary>
/// Loading the ~2,000-line spin.toml of <see cref="TomlParseBenchmarks"/> (104 components) as `spindle up` does:
/// TOML parse, Spin's model and validation (issue 4: "under a few milliseconds"), then locking it. The manifest
/// and its files (one asset per component plus one shared page) live in a temp directory made in setup.
/// Run: dotnet run -c Release --project bench/Spindle.Bench -- --filter '*ManifestLoad*'
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ManifestLoadBenchmarks
{
    private const int Components = 104;

    private string _directory = "";
    private string _path = "";
    private string _text = "";
    private SpinManifest _manifest = null!;
    private SpinManifest _manifestWithoutFiles = null!;
    private LockOptions _lockOptions = new();

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"spindle-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_directory, "static"));
        File.WriteAllText(Path.Combine(_directory, "static", "index.html"), "<p>static</p>");
        for (var i = 0; i < Components; i++)
        {
            var assets = Path.Combine(_directory, "assets", "component-" + i.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(assets);
            File.WriteAllText(Path.Combine(assets, "app.js"), "console.log('component');");
        }

        _text = TomlParseBenchmarks.GenerateManifest(Components);
        _path = Path.Combine(_directory, "spin.toml");
        File.WriteAllText(_path, _text);
        _manifest = SpinManifest.Load(_path);
        _manifestWithoutFiles = SpinManifest.Parse(WithoutFiles(_text), "spin.toml", _path);
        _lockOptions = new LockOptions { FilesMountRoot = Path.Combine(_directory, "mounts") };
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Parse + model + validate from text.</summary>
    [Benchmark(Baseline = true)]
    public SpinManifest Parse() => SpinManifest.Parse(_text, "spin.toml", _path);

    /// <summary>The same from the file (adds reading 80 KB).</summary>
    [Benchmark]
    public SpinManifest Load() => SpinManifest.Load(_path);

    /// <summary>Locking without `files`: trigger ids, source URIs, metadata JSON.</summary>
    [Benchmark]
    public LockedApp LockWithoutFiles() => ManifestLocker.Lock(_manifestWithoutFiles, _lockOptions);

    /// <summary>Locking with Spin's copy strategy: resolves each component's files and copies them (208 small files).</summary>
    [Benchmark]
    public LockedApp LockWithFiles() => ManifestLocker.Lock(_manifest, _lockOptions);

    private static string WithoutFiles(string text)
    {
        var lines = text.Split('\n');
        return string.Join('\n', Array.FindAll(lines, line => !line.StartsWith("files = ", StringComparison.Ordinal)));
    }
}
