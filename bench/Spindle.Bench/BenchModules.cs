namespace Spindle.Bench;

/// <summary>The benchmark modules in Modules/ (built from the .wat beside them by eng/build-kernels.sh).</summary>
internal static class BenchModules
{
    public static byte[] Read(string fileName) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Modules", fileName));
}
