using BenchmarkDotNet.Attributes;
using Spindle.Wasm;
using Spindle.Wasm.Compilation;

namespace Spindle.Bench;

/// <summary>
/// An interpreter-style loop (a <c>br_table</c> into <see cref="Cases"/> nested blocks, as clang compiles a big
/// <c>switch</c>), the other shape of very large function: time per dispatched step, with and without outlining.
/// </summary>
[MedianColumn]
public class DispatchLoopBenchmarks
{
    private const int Steps = 1_000_000;

    private Func<int, long> _run = null!;

    [Params(100, 300, 400, 1_000, 2_000)]
    public int Cases { get; set; }

    [Params(true, false)]
    public bool Outlining { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var engine = new Engine(new EngineOptions { OutliningThreshold = Outlining ? RegionPlanner.DefaultThreshold : int.MaxValue });
        var module = Module.FromBytes(engine, LargeFunctionModules.DispatchLoop(Cases), "dispatch");
        _run = new Linker(engine).Instantiate(new Store(engine), module).GetFunction("run")!.WrapFunc<int, long>()!;
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public long Step() => _run(Steps);
}
