namespace Spindle.Wasm.Tests.Api;

public class ModuleTests
{
    [Fact]
    public void FromBytes_SameBytesTwice_CompilesOnce()
    {
        var engine = new Engine();
        var bytes = Fixtures.Bytes("control");
        Assert.Same(Module.FromBytes(engine, bytes).Compiled, Module.FromBytes(engine, bytes, "other").Compiled);
    }

    [Fact]
    public void ImportsAndExports_DescribeKindsAndTypes()
    {
        var module = Module.FromFile(new Engine(), Fixtures.Path("imports"));
        Assert.Equal("imports", module.Name);
        Assert.Equal(
            [
                new ImportDescriptor("env", "f", ExternKind.Func, new FuncType([ValType.I32], [ValType.I32])),
                new ImportDescriptor("env", "table", ExternKind.Table, new TableType(ValType.FuncRef, new Limits(2, 10))),
                new ImportDescriptor("env", "memory", ExternKind.Memory, new MemoryType(new Limits(1, 2))),
                new ImportDescriptor("env", "g", ExternKind.Global, new GlobalType(ValType.I64, false)),
            ],
            module.Imports);
        Assert.Equal([new ExportDescriptor("call", ExternKind.Func, new FuncType([ValType.I32], [ValType.I32]))], module.Exports);
    }

    [Fact]
    public void FromBytes_Malformed_ThrowsDecodeError() =>
        Assert.Throws<WasmDecodeException>(() => Module.FromBytes(new Engine(), [0, 0x61, 0x73]));

    [Fact]
    public void Validate_WellFormedModule_DoesNotThrow() =>
        Module.Validate(new Engine(), Fixtures.Bytes("tables"));

    [Fact]
    public void Instances_OfOneModule_HaveSeparateState()
    {
        var engine = new Engine();
        var module = Module.FromBytes(engine, Fixtures.Bytes("memory"));
        var linker = new Linker(engine);
        var a = linker.Instantiate(new Store(engine), module);
        var b = linker.Instantiate(new Store(engine), module);
        a.Call("i32.store", 0, 7);
        Assert.Equal(0, b.Call("i32.load", 0));
    }
}
