namespace Spindle.Wasm.Tests.Runtime;

public class EpochTests
{
    private static (Engine Engine, Store Store, Instance Instance) Spin()
    {
        var engine = new Engine(new EngineOptions { EpochInterruption = true });
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.DefineFunction("host", "add", (int a, int b) => a + b);
        linker.DefineFunction("host", "pair", new FuncType([ValType.I32], [ValType.I32, ValType.I64]), args => [1, 2L]);
        return (engine, store, linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("calls"))));
    }

    [Fact]
    public void InfiniteLoop_InterruptedByAnotherThread_TrapsInterrupted()
    {
        var (engine, store, instance) = Spin();
        store.SetEpochDeadline(1);
        using var started = new ManualResetEventSlim();
        var ticker = new Thread(() =>
        {
            started.Wait();
            engine.IncrementEpoch();
        });
        ticker.Start();
        started.Set();

        var trap = Assert.Throws<TrapException>(() => instance.Call("spin"));
        ticker.Join();
        Assert.Equal(TrapKind.Interrupted, trap.Kind);
        Assert.Equal("interrupted", trap.Message);
    }

    [Fact]
    public void DeadlineAlreadyReached_TrapsAtFunctionEntry()
    {
        var (engine, store, instance) = Spin();
        store.SetEpochDeadline(0);
        Assert.Equal(TrapKind.Interrupted, Assert.Throws<TrapException>(() => instance.Call("call_host", 1)).Kind);

        // A new deadline lets guests run again.
        store.SetEpochDeadline(10);
        Assert.Equal(2, instance.Call("call_host", 1));
        _ = engine;
    }

    [Fact]
    public void WithoutEpochInterruption_NoChecksAreCompiled()
    {
        var instance = Fixtures.Instantiate("control", new EngineOptions { EpochInterruption = false });
        instance.Store.SetEpochDeadline(0);
        Assert.Equal(55L, instance.Call("fib", 10));
    }
}
