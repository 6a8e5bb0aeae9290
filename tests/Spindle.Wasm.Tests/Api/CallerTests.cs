namespace Spindle.Wasm.Tests.Api;

public class CallerTests
{
    private static readonly FuncType I32ToI32 = new([ValType.I32], [ValType.I32]);

    private static (Engine, Module, Linker) Setup()
    {
        var engine = new Engine();
        var module = Module.FromBytes(engine, Fixtures.Bytes("caller"));
        var linker = new Linker(engine);
        linker.DefineFunction("env", "peek", (Caller caller, int address) => (int)caller.GetMemory("memory")!.GetSpan()[address]);
        linker.DefineFunction("env", "tag", (Caller caller) => (int)caller.Store.Data!);
        linker.DefineFunction("env", "untyped", I32ToI32, (caller, args) => [caller.GetFunction("tag")!.Invoke()[0]! is int tag ? tag + (int)args[0]! : -1]);
        return (engine, module, linker);
    }

    [Fact]
    public void HostFunction_WithCaller_ReadsCallingInstanceMemory()
    {
        var (engine, module, linker) = Setup();
        using var store = new Store(engine) { Data = 0 };
        var instance = linker.Instantiate(store, module);
        instance.GetFunction("set")!.Invoke(5, 42);
        Assert.Equal(42, instance.Call("peek", 5));
    }

    [Fact]
    public void HostFunction_WithCaller_SeesStoreData()
    {
        var (engine, module, linker) = Setup();
        using var store = new Store(engine) { Data = 7 };
        Assert.Equal(7, linker.Instantiate(store, module).Call("tag"));
    }

    [Fact]
    public void SharedLinker_TwoInstances_EachSeesItsOwnMemoryAndStore()
    {
        var (engine, module, linker) = Setup();
        using var store1 = new Store(engine) { Data = 1 };
        using var store2 = new Store(engine) { Data = 2 };
        var first = linker.Instantiate(store1, module);
        var second = linker.Instantiate(store2, module);
        first.GetFunction("set")!.Invoke(0, 11);
        second.GetFunction("set")!.Invoke(0, 22);
        Assert.Equal((11, 22), ((int)first.Call("peek", 0)!, (int)second.Call("peek", 0)!));
        Assert.Equal((1, 2), ((int)first.Call("tag")!, (int)second.Call("tag")!));
    }

    [Fact]
    public void HostFunction_WithCallerThroughTable_SeesImportingInstance()
    {
        var (engine, module, linker) = Setup();
        using var store = new Store(engine) { Data = 0 };
        var instance = linker.Instantiate(store, module);
        instance.GetFunction("set")!.Invoke(3, 9);
        Assert.Equal(9, instance.Call("peek_indirect", 3));
    }

    [Fact]
    public void UntypedCallback_WithCaller_CallsCallingInstanceExport()
    {
        var (engine, module, linker) = Setup();
        using var store = new Store(engine) { Data = 100 };
        Assert.Equal(105, linker.Instantiate(store, module).Call("untyped", 5));
    }

    [Fact]
    public void HostFunction_WithCaller_HasWasmTypeWithoutCaller()
    {
        var engine = new Engine();
        var function = Function.FromDelegate(new Store(engine), (Caller caller, int x, long y) => x + y);
        Assert.Equal(new FuncType([ValType.I32, ValType.I64], [ValType.I64]), function.Type);
    }

    [Fact]
    public void HostFunction_InvokedByHost_HasNoCallingInstance()
    {
        var engine = new Engine();
        using var store = new Store(engine) { Data = "host" };
        var function = Function.FromDelegate(store, (Caller caller) => caller.GetMemory("memory") is null && ReferenceEquals(caller.Store, store) ? 1 : 0);
        Assert.Equal(1, function.Invoke()[0]);
    }

    [Fact]
    public void HostFunction_CallerAfterFirstParameter_IsRejected()
    {
        var engine = new Engine();
        Assert.Throws<ArgumentException>(() => new Linker(engine).DefineFunction("env", "f", (int x, Caller caller) => x));
    }
}
