namespace Spindle.Wasm.Tests.Compilation;

// Compiled functions save the store's depth budget at entry and restore it on return (Frames.Enter/Leave): the
// budget must stay exact across many calls, returns and traps.
public class CallDepthTests
{
    private static Instance Calls(int maxCallDepth)
    {
        var engine = new Engine(new EngineOptions { MaxCallDepth = maxCallDepth });
        var linker = new Linker(engine);
        linker.DefineFunction("host", "add", (int a, int b) => a + b);
        linker.DefineFunction("host", "pair", new FuncType([ValType.I32], [ValType.I32, ValType.I64]), args => [(int)args[0]! * 10, 5L]);
        return linker.Instantiate(new Store(engine), Module.FromBytes(engine, Fixtures.Bytes("calls")));
    }

    [Fact]
    public void Recursion_ExactlyMaxCallDepthFrames_ReturnsAndOneMoreFrameTraps()
    {
        // recurse(n) uses n + 1 frames.
        var instance = Calls(100);
        Assert.Equal(99, instance.Call("recurse", 99));
        var trap = Assert.Throws<TrapException>(() => instance.Call("recurse", 100));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
    }

    [Fact]
    public void Recursion_ManyCallsAndTraps_BudgetDoesNotDrift()
    {
        var instance = Calls(100);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(99, instance.Call("recurse", 99));
            Assert.Throws<TrapException>(() => instance.Call("recurse", 100 + i));
            Assert.Equal(1, instance.Call("even", 98));
        }

        Assert.Equal(99, instance.Call("recurse", 99));
    }
}
