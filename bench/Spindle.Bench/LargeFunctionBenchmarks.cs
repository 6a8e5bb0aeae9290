using BenchmarkDotNet.Attributes;
using Spindle.Wasm;
using Spindle.Wasm.Compilation;

namespace Spindle.Bench;

/// <summary>
/// Very large functions (docs/rationale.md, "Large functions"): a loop whose body is <see cref="Statements"/> copies of
/// <c>x = x*31 + (i^j)</c> (8 Wasm instructions each), reported per statement. Without outlining, bodies beyond the
/// JIT's limits run unoptimized (MinOpts); with it they are split into region methods that each stay optimized.
/// Every invocation runs 2,400,000 statements.
/// </summary>
[MedianColumn]
public class LargeFunctionBenchmarks
{
    private const int TotalStatements = 2_400_000;

    private Func<int, int, int> _run = null!;

    [Params(100, 1_000, 3_000, 8_000, 20_000)]
    public int Statements { get; set; }

    /// <summary>Whether functions over the outlining threshold are split (false: one method per function, as before).</summary>
    [Params(true, false)]
    public bool Outlining { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var engine = new Engine(new EngineOptions { OutliningThreshold = Outlining ? RegionPlanner.DefaultThreshold : int.MaxValue });
        var module = Module.FromBytes(engine, LargeFunctionModules.StatementLoop(Statements), "statements");
        _run = new Linker(engine).Instantiate(new Store(engine), module).GetFunction("run")!.WrapFunc<int, int, int>()!;
    }

    [Benchmark(OperationsPerInvoke = TotalStatements)]
    public int Statement() => _run(TotalStatements / Statements, 12345);
}
