namespace Spindle.Wasm.Tests.Api;

public class StoreTests
{
    [Fact]
    public void Dispose_RecyclesMemory_NextInstanceStartsZeroed()
    {
        var engine = new Engine();
        var module = Module.FromBytes(engine, Fixtures.Bytes("memory"));
        var linker = new Linker(engine);

        var store = new Store(engine);
        var first = linker.Instantiate(store, module);
        first.Call("i32.store", 100, 12345);
        var memory = first.GetMemory("memory")!;
        store.Dispose();

        // The disposed instance's memory is empty: accesses trap instead of reading a reused buffer.
        Assert.Equal(0u, memory.Pages);
        Assert.Equal(TrapKind.MemoryOutOfBounds, Assert.Throws<TrapException>(() => first.Call("i32.load", 100)).Kind);

        using var next = new Store(engine);
        var second = linker.Instantiate(next, module);
        Assert.Equal(0, second.Call("i32.load", 100));
        Assert.Equal(0x04030201, second.Call("i32.load", 16));
    }

    [Fact]
    public void Dispose_LeavesHostCreatedMemoriesAlone()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var memory = new Memory(store, new MemoryType(new Limits(1, null)));
        memory.WriteInt32(0, 7);
        store.Dispose();
        Assert.Equal(7, memory.ReadInt32(0));
    }
}
