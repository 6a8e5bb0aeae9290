namespace Spindle.Wasm.Tests.Compilation;

public class MemoryTests
{
    [Theory]
    [InlineData("i32.load", 16, 0x04030201)]
    [InlineData("i32.load", 65532, 0)]
    [InlineData("i32.load_off", 0, 0)]
    [InlineData("i32.load8_s", 65535, 0)]
    [InlineData("i32.load16_s", 16, 0x0201)]
    public void Load_InBounds_ReadsLittleEndian(string function, int address, int expected) =>
        Assert.Equal(expected, Fixtures.Instantiate("memory").Call(function, address));

    [Theory]
    [InlineData("i32.load", 65533)]
    [InlineData("i32.load", -1)]
    [InlineData("i32.load_off", 1)]
    [InlineData("i64.load", 65529)]
    [InlineData("i32.load8_u", 65536)]
    [InlineData("f64.load", 65529)]
    public void Load_OutOfBounds_Traps(string function, int address)
    {
        var trap = Assert.Throws<TrapException>(() => Fixtures.Instantiate("memory").Call(function, address));
        Assert.Equal(TrapKind.MemoryOutOfBounds, trap.Kind);
        Assert.Equal("out of bounds memory access", trap.Message);
    }

    [Fact]
    public void Store_OutOfBounds_TrapsWithoutWriting()
    {
        var instance = Fixtures.Instantiate("memory");
        Assert.Throws<TrapException>(() => instance.Call("i64.store", 65530, -1L));
        Assert.Equal(0, instance.GetMemory("memory")!.ReadInt32(65532));
    }

    [Fact]
    public void StoresAndLoads_OfEveryWidth_RoundTrip()
    {
        var instance = Fixtures.Instantiate("memory");
        instance.Call("i64.store16", 100, 0x12345678L);
        Assert.Equal(0x5678, instance.Call("i32.load", 100));
        instance.Call("i32.store", 200, -2);
        Assert.Equal(0xFFFFFFFEL, instance.Call("i64.load32_u", 200));
        Assert.Equal(-2L, instance.Call("i64.load32_s", 200));
        instance.Call("f32.store", 300, 1.5f);
        Assert.Equal(BitConverter.SingleToInt32Bits(1.5f), instance.Call("i32.load", 300));
        Assert.Equal(0xFE, instance.Call("i32.load8_u", 200));
        Assert.Equal(-2, instance.Call("i32.load8_s", 200));
    }

    [Fact]
    public void Grow_WithinMaximum_ReturnsOldSizeAndFailsBeyond()
    {
        var instance = Fixtures.Instantiate("memory");
        Assert.Equal(1, instance.Call("grow", 1));
        Assert.Equal(2, instance.Call("size"));
        Assert.Equal(-1, instance.Call("grow", 2));
        Assert.Equal(2, instance.Call("grow", 0));
    }

    [Fact]
    public void Grow_ThenAccessNewPage_UsesReloadedBounds() =>
        Assert.Equal(42, Fixtures.Instantiate("memory").Call("grow_and_store"));

    [Fact]
    public void Grow_KeepsContentsAndZeroesNewPages()
    {
        var instance = Fixtures.Instantiate("memory");
        instance.Call("grow", 2);
        var memory = instance.GetMemory("memory")!;
        Assert.Equal(3u, memory.Pages);
        Assert.Equal(0x04030201, memory.ReadInt32(16));
        Assert.Equal(0L, memory.ReadInt64(3 * 65536 - 8));
    }

    [Fact]
    public void BulkOperations_FillCopyInit_WriteExpectedBytes()
    {
        var instance = Fixtures.Instantiate("memory");
        var memory = instance.GetMemory("memory")!;
        instance.Call("fill", 1000, 0xAB, 4);
        Assert.Equal(unchecked((int)0xABABABAB), memory.ReadInt32(1000));
        instance.Call("copy", 17, 16, 4);
        Assert.Equal(0x03020101, memory.ReadInt32(16));
        instance.Call("init", 2000, 1, 4);
        Assert.Equal("ello", memory.ReadString(2000, 4));
    }

    [Theory]
    [InlineData("fill", 65535, 0, 2)]
    [InlineData("copy", 0, 65535, 2)]
    [InlineData("init", 0, 3, 3)]
    [InlineData("init", 65535, 0, 2)]
    public void BulkOperations_OutOfBounds_Trap(string function, int a, int b, int c) =>
        Assert.Equal(TrapKind.MemoryOutOfBounds, Assert.Throws<TrapException>(() => Fixtures.Instantiate("memory").Call(function, a, b, c)).Kind);

    [Fact]
    public void DataDrop_ThenInit_TrapsUnlessEmpty()
    {
        var instance = Fixtures.Instantiate("memory");
        instance.Call("drop");
        instance.Call("init", 0, 0, 0);
        Assert.Throws<TrapException>(() => instance.Call("init", 0, 0, 1));

        // Other instances of the same module still see the segment.
        Fixtures.Instantiate("memory").Call("init", 0, 0, 5);
    }

    [Fact]
    public void HostMemoryAccess_OutOfBounds_Traps()
    {
        var memory = Fixtures.Instantiate("memory").GetMemory("memory")!;
        Assert.Equal(TrapKind.MemoryOutOfBounds, Assert.Throws<TrapException>(() => memory.ReadInt32(65533)).Kind);
        Assert.Equal(65536, memory.GetSpan().Length);
    }

    [Fact]
    public void RepeatedAccessThroughOneLocal_ChecksWiderAccessAndNewValues()
    {
        var instance = Fixtures.Instantiate("memory");
        Assert.Equal(0x08070605 + 1, instance.Call("two_loads", 16));
        Assert.Equal(TrapKind.MemoryOutOfBounds, Assert.Throws<TrapException>(() => instance.Call("two_loads", 65530)).Kind);
        Assert.Equal(0, instance.Call("load_after_set", 0, 65532));
        Assert.Equal(TrapKind.MemoryOutOfBounds, Assert.Throws<TrapException>(() => instance.Call("load_after_set", 0, 65533)).Kind);
    }
}
