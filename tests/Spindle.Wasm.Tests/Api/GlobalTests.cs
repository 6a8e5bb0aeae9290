namespace Spindle.Wasm.Tests.Api;

public class GlobalTests
{
    [Fact]
    public void ImportedMutableGlobal_IsSharedByReference()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        var counter = new Global(store, new GlobalType(ValType.I32, true), 10);
        linker.Define("env", "counter", counter);
        var module = Module.FromBytes(engine, Fixtures.Bytes("globals"));
        var first = linker.Instantiate(store, module);
        var second = linker.Instantiate(store, module);

        first.Call("bump");
        second.Call("bump");
        Assert.Equal(12, counter.Value);
        counter.Value = 100;
        Assert.Equal(100, first.Call("get_counter"));
    }

    [Fact]
    public void ExportedGlobals_ReadAndWriteFromHost()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.Define("env", "counter", new Global(store, new GlobalType(ValType.I32, true), 0));
        var instance = linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("globals")));

        Assert.Equal(5L, instance.GetGlobal("local")!.Value);
        instance.Call("set_local", 9L);
        Assert.Equal(9L, instance.GetGlobal("local")!.Value);
        Assert.Equal(3.25, instance.GetGlobal("pi")!.Value);
        Assert.Throws<InvalidOperationException>(() => instance.GetGlobal("pi")!.Value = 1.0);
    }

    [Fact]
    public void Global_WrongValueType_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new Global(new Store(new Engine()), new GlobalType(ValType.I64, false), "seven"));
}
