namespace Spindle.Wasm.Tests.Runtime;

public class CallTests
{
    private static Instance Calls(EngineOptions? options = null)
    {
        var engine = new Engine(options);
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.DefineFunction("host", "add", (int a, int b) => a + b);
        linker.DefineFunction("host", "pair", new FuncType([ValType.I32], [ValType.I32, ValType.I64]), args => [(int)args[0]! * 10, 5L]);
        return linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("calls")));
    }

    [Fact]
    public void Call_HostFunction_ReceivesArgumentsAndReturnsResult() =>
        Assert.Equal(42, Calls().Call("call_host", 41));

    [Fact]
    public void Call_HostFunctionWithTwoResults_ReturnsBoth() =>
        Assert.Equal(35L, Calls().Call("call_pair", 3));

    [Fact]
    public void CallIndirect_MatchingType_CallsTableEntry() =>
        Assert.Equal(18, Calls().Call("indirect", 0, 9));

    [Theory]
    [InlineData(1, TrapKind.IndirectCallTypeMismatch, "indirect call type mismatch")]
    [InlineData(3, TrapKind.UninitializedElement, "uninitialized element")]
    [InlineData(4, TrapKind.TableOutOfBounds, "undefined element")]
    [InlineData(-1, TrapKind.TableOutOfBounds, "undefined element")]
    public void CallIndirect_BadEntry_Traps(int index, TrapKind kind, string message)
    {
        var trap = Assert.Throws<TrapException>(() => Calls().Call("indirect", index, 1));
        Assert.Equal(kind, trap.Kind);
        Assert.Equal(message, trap.Message);
    }

    [Fact]
    public void Recursion_WithinDepthLimit_Returns() =>
        Assert.Equal(5_000, Calls().Call("recurse", 5_000));

    [Fact]
    public void Recursion_BeyondDepthLimit_TrapsCallStackExhausted()
    {
        var instance = Calls(new EngineOptions { MaxCallDepth = 1_000 });
        var trap = Assert.Throws<TrapException>(() => instance.Call("recurse", 1_000_000));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
        Assert.Equal("call stack exhausted", trap.Message);

        // The store's depth budget is restored: the instance keeps working after the trap.
        Assert.Equal(900, instance.Call("recurse", 900));
    }

    [Fact]
    public void Recursion_MillionFramesWithHugeDepthLimit_TrapsBeforeTheThreadStackOverflows()
    {
        // The depth limit alone would allow it; the stack probe stops it before the process dies.
        var instance = Calls(new EngineOptions { MaxCallDepth = 10_000_000 });
        var trap = Assert.Throws<TrapException>(() => instance.Call("recurse", 1_000_000));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
        var mutual = Assert.Throws<TrapException>(() => instance.Call("even", 1_000_000));
        Assert.Equal(TrapKind.CallStackExhausted, mutual.Kind);
    }

    [Fact]
    public void Recursion_MillionFrames_TrapsAgainOnTheSameThreadAndOnSmallerStacks()
    {
        // The probe remembers per thread the lowest stack address it has confirmed (Frames.Probe): a second deep
        // recursion on the same thread, and threads whose stacks are smaller, must still be stopped in time.
        var instance = Calls(new EngineOptions { MaxCallDepth = 10_000_000 });
        var outcomes = new List<TrapKind>();
        foreach (var stackSize in (int[])[4 * 1024 * 1024, 1024 * 1024, 512 * 1024])
        {
            var thread = new Thread(
                () =>
                {
                    for (var round = 0; round < 2; round++)
                    {
                        try
                        {
                            instance.Call("recurse", 1_000_000);
                        }
                        catch (TrapException trap)
                        {
                            lock (outcomes)
                            {
                                outcomes.Add(trap.Kind);
                            }
                        }
                    }
                },
                stackSize);
            thread.Start();
            thread.Join();
        }

        Assert.Equal(6, outcomes.Count);
        Assert.All(outcomes, kind => Assert.Equal(TrapKind.CallStackExhausted, kind));
    }

    [Fact]
    public void MutualRecursion_MillionFrames_TrapsWithDefaultLimit()
    {
        var trap = Assert.Throws<TrapException>(() => Calls().Call("even", 1_000_000));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
    }

    [Fact]
    public void Trap_CarriesWasmStackWithNameSectionNames()
    {
        var trap = Assert.Throws<TrapException>(() => Calls().Call("nested_trap"));
        Assert.Equal(TrapKind.Unreachable, trap.Kind);

        // Innermost first; the JIT may inline small callees into their caller, whose frame then stands for them.
        Assert.Equal("outer", trap.WasmStackTrace[^1]);
        Assert.All(trap.WasmStackTrace, name => Assert.Contains(name, new[] { "inner", "middle", "outer" }));
    }

    [Fact]
    public void HostFunction_Throwing_TrapsWithHostError()
    {
        var engine = new Engine();
        var linker = new Linker(engine);
        linker.DefineFunction("host", "add", new Func<int, int, int>((a, b) => throw new InvalidOperationException("boom")));
        linker.DefineFunction("host", "pair", new FuncType([ValType.I32], [ValType.I32, ValType.I64]), args => [1, 2L]);
        var instance = linker.Instantiate(new Store(engine), Module.FromBytes(engine, Fixtures.Bytes("calls")));

        var trap = Assert.Throws<TrapException>(() => instance.Call("call_host", 1));
        Assert.Equal(TrapKind.HostError, trap.Kind);
        Assert.IsType<InvalidOperationException>(trap.InnerException);
        Assert.NotEmpty(trap.WasmStackTrace);
    }
}
