namespace Spindle.Wasm.Tests.Api;

public class LinkerTests
{
    private static (Engine, Store, Linker) Setup()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.DefineFunction("env", "f", (int x) => x * 3);
        linker.Define("env", "table", new Table(store, new TableType(ValType.FuncRef, new Limits(2, 10)), null));
        linker.Define("env", "memory", new Memory(store, new MemoryType(new Limits(1, 2))));
        linker.Define("env", "g", new Global(store, new GlobalType(ValType.I64, false), 7L));
        return (engine, store, linker);
    }

    [Fact]
    public void Instantiate_AllImportsDefined_Links()
    {
        var (engine, store, linker) = Setup();
        var instance = linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("imports")));
        Assert.Equal(9, instance.Call("call", 3));
    }

    [Fact]
    public void Instantiate_UnknownImport_ThrowsLinkErrorNamingIt()
    {
        var engine = new Engine();
        var error = Assert.Throws<WasmLinkException>(() => new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, Fixtures.Bytes("imports"))));
        Assert.StartsWith("unknown import", error.Message);
        Assert.Equal(("env", "f"), (error.Module, error.Name));
    }

    public static TheoryData<string, Func<Store, object>> Incompatible => new()
    {
        { "f", store => Function.FromDelegate(store, (long x) => x) },
        { "f", store => new Memory(store, new MemoryType(new Limits(1, 2))) },
        { "table", store => new Table(store, new TableType(ValType.ExternRef, new Limits(2, 10)), null) },
        { "table", store => new Table(store, new TableType(ValType.FuncRef, new Limits(1, 10)), null) },
        { "table", store => new Table(store, new TableType(ValType.FuncRef, new Limits(2, null)), null) },
        { "memory", store => new Memory(store, new MemoryType(new Limits(1, 3))) },
        { "memory", store => new Memory(store, new MemoryType(new Limits(0, 2))) },
        { "g", store => new Global(store, new GlobalType(ValType.I64, true), 7L) },
        { "g", store => new Global(store, new GlobalType(ValType.I32, false), 7) },
    };

    [Theory]
    [MemberData(nameof(Incompatible))]
    public void Instantiate_IncompatibleImport_ThrowsLinkError(string name, Func<Store, object> create)
    {
        var (engine, store, linker) = Setup();
        linker.Define("env", name, create(store));
        var error = Assert.Throws<WasmLinkException>(() => linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("imports"))));
        Assert.StartsWith("incompatible import type", error.Message);
        Assert.Equal(name, error.Name);
    }

    [Fact]
    public void Instantiate_LargerMemoryWithSmallerMaximum_MatchesBySubtyping()
    {
        var (engine, store, linker) = Setup();
        linker.Define("env", "memory", new Memory(store, new MemoryType(new Limits(2, 2))));
        linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("imports")));
    }

    [Fact]
    public void Instantiate_DataSegmentOutOfBounds_TrapsAfterWritingEarlierSegments()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        var memory = new Memory(store, new MemoryType(new Limits(1, null)));
        linker.Define("env", "memory", memory);

        var trap = Assert.Throws<TrapException>(() => linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("segments"))));
        Assert.Equal(TrapKind.MemoryOutOfBounds, trap.Kind);
        Assert.Equal("ok", memory.ReadString(0, 2));
    }

    [Fact]
    public void DefineInstance_ExportsBecomeImports()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        var provider = linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("memory")));
        linker.DefineInstance("env", provider);
        provider.Call("grow", 1);

        var consumer = linker.Instantiate(store, Module.FromBytes(engine, Fixtures.Bytes("segments")));
        Assert.Same(provider.GetMemory("memory"), consumer.Context.Memory);
        Assert.Equal("ok", provider.GetMemory("memory")!.ReadString(0, 2));
    }

    [Fact]
    public void DefineFunction_UnsupportedDelegateType_IsRejected()
    {
        var linker = new Linker(new Engine());
        Assert.Throws<ArgumentException>(() => linker.DefineFunction("env", "f", (string s) => s));
    }
}
