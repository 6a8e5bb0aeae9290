using BenchmarkDotNet.Attributes;
using Spindle.Wasm;

namespace Spindle.Bench;

/// <summary>
/// Instantiating a compiled module per request: one page of memory, a 4 KB data segment and a 100-entry funcref
/// table (Modules/instantiate.wat). Target: median 10 µs or less (issue 2). Compilation happens once, in setup.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class InstantiateBenchmarks
{
    private Engine _engine = null!;
    private Module _module = null!;
    private Linker _linker = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new Engine();
        _module = Module.FromBytes(_engine, BenchModules.Read("instantiate.wasm"), "instantiate");
        _linker = new Linker(_engine);
    }

    /// <summary>A fresh store and instance, as the HTTP host creates per request.</summary>
    [Benchmark]
    public Instance Instantiate() => _linker.Instantiate(new Store(_engine), _module);
}
