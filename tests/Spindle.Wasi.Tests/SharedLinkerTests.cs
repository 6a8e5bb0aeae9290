using System.Buffers.Binary;
using Spindle.Wasm;

namespace Spindle.Wasi.Tests;

/// <summary>One linker (<see cref="WasiContext.Define"/>) serving many instances, each with its context as store data.</summary>
public class SharedLinkerTests
{
    [Fact]
    public void SharedLinker_TwoInstances_EachSeesItsOwnContextAndMemory()
    {
        using var first = new AbiHarness(new WasiConfiguration { Arguments = ["a"] });
        using var second = new AbiHarness(new WasiConfiguration { Arguments = ["bb", "ccc"] });
        Assert.Equal(0, first.Call("args_sizes_get", 0, 4));
        Assert.Equal(0, second.Call("args_sizes_get", 0, 4));
        Assert.Equal((1, 2), (ReadInt32(first.Memory, 0), ReadInt32(first.Memory, 4)));
        Assert.Equal((2, 7), (ReadInt32(second.Memory, 0), ReadInt32(second.Memory, 4)));
    }

    [Fact]
    public void SharedLinker_StoreWithoutContext_TrapsNamingStoreData()
    {
        using var store = new Store(AbiHarness.Engine);
        var instance = AbiHarness.SharedLinker.Value.Instantiate(store, AbiHarness.Abi.Value);
        var trap = Assert.Throws<TrapException>(() => instance.GetFunction("args_sizes_get")!.Invoke(0, 4));
        Assert.Contains("Store.Data", trap.Message);
    }

    [Fact]
    public void DefineInto_BoundContext_FindsMemoryWithoutStoreData()
    {
        using var wasi = new WasiContext(new WasiConfiguration { Arguments = ["x", "y", "z"] });
        var linker = new Linker(AbiHarness.Engine);
        wasi.DefineInto(linker);
        using var store = new Store(AbiHarness.Engine);
        var instance = linker.Instantiate(store, AbiHarness.Abi.Value);
        Assert.Equal(0, instance.GetFunction("args_sizes_get")!.Invoke(0, 4)[0]);
        Assert.Equal(3, ReadInt32(instance.GetMemory("memory")!, 0));
    }

    private static int ReadInt32(Memory memory, int address) => BinaryPrimitives.ReadInt32LittleEndian(memory.GetSpan(address, 4));
}
