using System.Diagnostics;
using System.Globalization;
using Spindle.Wasm;

namespace Spindle.Bench;

/// <summary>
/// The Spindle side of eng/bench-kernels.sh: <c>Spindle.Bench kernels FILE.wasm EXPORT ARG RUNS</c> compiles and
/// instantiates a kernel, calls it once to warm up, then times RUNS calls and prints
/// <c>median_ms=... min_ms=... result=...</c> (the format of the native and V8 harnesses). With the environment
/// variable <c>SPINDLE_LOOP_VERSIONING=0</c> it compiles without loop versioning, for A/B measurements.
/// </summary>
internal static class KernelRunner
{
    public static int Run(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("usage: Spindle.Bench kernels FILE.wasm EXPORT ARG RUNS");
            return 2;
        }

        var arg = int.Parse(args[2], CultureInfo.InvariantCulture);
        var runs = int.Parse(args[3], CultureInfo.InvariantCulture);
        var engine = new Engine(new EngineOptions { LoopVersioning = Environment.GetEnvironmentVariable("SPINDLE_LOOP_VERSIONING") != "0" });
        var module = Module.FromBytes(engine, File.ReadAllBytes(args[0]), Path.GetFileNameWithoutExtension(args[0]));
        var instance = new Linker(engine).Instantiate(new Store(engine), module);
        var kernel = instance.GetFunction(args[1])?.WrapFunc<int, int>()
            ?? throw new InvalidOperationException($"{args[0]}: no export \"{args[1]}\" of type (i32) -> i32");

        // Warm-up: the first call also lets tiered compilation promote the generated methods.
        var result = kernel(arg);
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            result = kernel(arg);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median_ms={times[runs / 2]:F3} min_ms={times[0]:F3} result={result}"));
        return 0;
    }
}
