namespace Spindle.Wasm.Tests.Runtime;

/// <summary>
/// Disposing a store while a guest call runs (from a host function it called) must not hand its memory to anyone
/// else before the call returns: compiled code keeps the buffer in a local.
/// </summary>
public class StoreDisposeTests
{
    [Fact]
    public void DisposeDuringGuestCall_ReleasesMemoryOnlyAfterTheCallReturns()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.DefineFunction("env", "dispose", (Caller caller) => caller.Store.Dispose());
        var instance = linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("dispose")));
        var memory = instance.GetMemory("memory")!;

        // A second store takes whatever buffer the pool has, so a too-early release would be visible here.
        var other = new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, Fixtures.Bytes("memory")));

        Assert.Equal(43, instance.Call("run"));
        Assert.Equal(0, memory.Length);
        Assert.NotNull(other);
    }

    [Fact]
    public void DisposeDuringTypedCall_ReleasesAfterTheCallReturns()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.DefineFunction("env", "dispose", (Caller caller) => caller.Store.Dispose());
        var instance = linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("dispose")));
        var run = instance.GetFunction("run")!.WrapFunc<int>()!;

        Assert.Equal(43, run());
        Assert.Equal(0, instance.GetMemory("memory")!.Length);
    }

    [Fact]
    public void DisposeAfterATrap_ReleasesAtOnce()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.DefineFunction("env", "dispose", new Action(() => throw new InvalidOperationException("host failure")));
        var instance = linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("dispose")));

        Assert.Throws<TrapException>(() => instance.Call("run"));
        store.Dispose();
        Assert.Equal(0, instance.GetMemory("memory")!.Length);
    }
}
