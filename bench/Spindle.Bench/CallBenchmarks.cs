using BenchmarkDotNet.Attributes;
using Spindle.Wasm;

namespace Spindle.Bench;

/// <summary>
/// Call overhead across the host/guest boundary (Modules/calls.wat): host-to-guest through the boxed
/// <c>Invoke</c> and the typed <c>WrapFunc</c> delegate, and guest-to-host (a guest loop calling a host function,
/// reported per call).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CallBenchmarks
{
    private const int HostCalls = 1000;

    private Function _empty = null!;
    private Action _emptyTyped = null!;
    private Function _add = null!;
    private Func<int, int, int> _addTyped = null!;
    private Action<int> _callHostNop = null!;
    private Func<int, int> _callHostInc = null!;

    [GlobalSetup]
    public void Setup()
    {
        var engine = new Engine();
        var module = Module.FromBytes(engine, BenchModules.Read("calls.wasm"), "calls");
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.DefineFunction("host", "nop", () => { });
        linker.DefineFunction("host", "inc", (int x) => x + 1);
        var instance = linker.Instantiate(store, module);
        _empty = instance.GetFunction("empty")!;
        _emptyTyped = _empty.WrapAction()!;
        _add = instance.GetFunction("add")!;
        _addTyped = _add.WrapFunc<int, int, int>()!;
        _callHostNop = instance.GetFunction("call_host_nop")!.WrapAction<int>()!;
        _callHostInc = instance.GetFunction("call_host_inc")!.WrapFunc<int, int>()!;
    }

    [Benchmark]
    public object?[] InvokeEmpty() => _empty.Invoke();

    [Benchmark]
    public void WrapActionEmpty() => _emptyTyped();

    [Benchmark]
    public object?[] InvokeAdd() => _add.Invoke(1, 2);

    [Benchmark]
    public int WrapFuncAdd() => _addTyped(1, 2);

    /// <summary>Guest calls a host <c>() -> ()</c>; time per call.</summary>
    [Benchmark(OperationsPerInvoke = HostCalls)]
    public void GuestToHostNop() => _callHostNop(HostCalls);

    /// <summary>Guest calls a host <c>(i32) -> i32</c>; time per call.</summary>
    [Benchmark(OperationsPerInvoke = HostCalls)]
    public int GuestToHostInc() => _callHostInc(HostCalls);
}
