using Spindle.Wasm.Binary;
using static Spindle.Wasm.Tests.Binary.WasmBytes;

namespace Spindle.Wasm.Tests.Binary;

public sealed class ModuleDecoderTests
{
    [Fact]
    public void Decode_EmptyModule_HasNoParts()
    {
        var module = ModuleDecoder.Decode(Header);
        Assert.Empty(module.Types);
        Assert.Empty(module.Codes);
        Assert.Null(module.StartFunction);
        Assert.Null(module.DataCount);
    }

    [Fact]
    public void Decode_ImportsAndDefinitions_BuildIndexSpaces()
    {
        var bytes = Module(
            Section(1, Vec(FuncType([I32, I32], [I64]), FuncType([], []))),
            Section(2, Vec(
                Concat(Name("env"), Name("f"), [0x00, 0x01]),
                Concat(Name("env"), Name("t"), [0x01, FuncRef, 0x01, 0x01, 0x0A]),
                Concat(Name("env"), Name("m"), [0x02, 0x00, 0x01]),
                Concat(Name("env"), Name("g"), [0x03, F64, 0x00]))),
            Section(3, Vec([0x00])),
            Section(4, Vec([ExternRef, 0x00, 0x05])),
            Section(6, Vec(Concat([I32, 0x01, 0x41], SignedLeb(-5), [0x0B]))),
            Section(7, Vec(Concat(Name("add"), [0x00, 0x01]), Concat(Name("g"), [0x03, 0x01]))),
            Section(8, [0x00]),
            Section(10, Vec(Body([0x42, 0x00, 0x0B], (2, I32), (1, F32)))));

        var module = ModuleDecoder.Decode(bytes);

        Assert.Equal("[i32 i32] -> [i64]", module.Types[0].ToString());
        Assert.Equal(4, module.Imports.Length);
        Assert.Equal(1, module.ImportedFunctionCount);
        Assert.Equal(1, module.ImportedTableCount);
        Assert.Equal(1, module.ImportedMemoryCount);
        Assert.Equal(1, module.ImportedGlobalCount);
        Assert.Equal(new TableType(ValType.FuncRef, new Limits(1, 10)), module.Imports[1].TableType);
        Assert.Equal(new MemoryType(new Limits(1, null)), module.Imports[2].MemoryType);
        Assert.Equal(new GlobalType(ValType.F64, false), module.Imports[3].GlobalType);
        Assert.Equal(2, module.TotalFunctionCount);
        Assert.Equal(module.Types[1], module.FuncTypeOf(0));
        Assert.Equal(module.Types[0], module.FuncTypeOf(1));
        Assert.Equal(ValType.ExternRef, module.TableTypeOf(1).ElementType);
        Assert.Equal(new GlobalType(ValType.I32, true), module.GlobalTypeOf(1));
        Assert.Equal(Opcode.I32Const, module.Globals[0].Init.Opcode);
        Assert.Equal(-5, (int)module.Globals[0].Init.Value);
        Assert.Equal(new Export("add", ExternKind.Func, 1), module.Exports[0]);
        Assert.Equal(0u, module.StartFunction);
        var body = module.Codes[0];
        Assert.Equal(3, body.TotalLocals);
        Assert.Equal([new LocalGroup(2, ValType.I32), new LocalGroup(1, ValType.F32)], body.Locals);
        Assert.Equal(3, body.BodyLength);
        Assert.Equal(0x42, module.Bytes[body.BodyOffset]);
    }

    [Fact]
    public void Decode_AllEightElementEncodings_Normalize()
    {
        byte[] offset = [0x41, 0x02, 0x0B];
        byte[] refFunc0 = [0xD2, 0x00, 0x0B];
        byte[] refNull = [0xD0, FuncRef, 0x0B];
        var bytes = Module(
            Section(1, Vec(FuncType([], []))),
            Section(3, Vec([0x00])),
            Section(4, Vec([FuncRef, 0x00, 0x0A])),
            Section(9, Vec(
                Concat([0x00], offset, Vec([0x00])),
                Concat([0x01, 0x00], Vec([0x00])),
                Concat([0x02, 0x00], offset, [0x00], Vec([0x00])),
                Concat([0x03, 0x00], Vec([0x00])),
                Concat([0x04], offset, Vec(refFunc0, refNull)),
                Concat([0x05, FuncRef], Vec(refNull)),
                Concat([0x06, 0x00], offset, [FuncRef], Vec(refFunc0)),
                Concat([0x07, FuncRef], Vec(refFunc0)))),
            Section(10, Vec(Body([0x0B]))));

        var elements = ModuleDecoder.Decode(bytes).Elements;

        Assert.Equal(
            [ElementMode.Active, ElementMode.Passive, ElementMode.Active, ElementMode.Declarative,
             ElementMode.Active, ElementMode.Passive, ElementMode.Active, ElementMode.Declarative],
            Array.ConvertAll(elements, e => e.Mode));
        foreach (var element in elements)
        {
            Assert.Equal(ValType.FuncRef, element.ElementType);
            Assert.Equal(0u, element.TableIndex);
            Assert.Equal(element.Mode == ElementMode.Active, element.Offset is not null);
            Assert.Contains(element.Initializers[0].Opcode, new[] { Opcode.RefFunc, Opcode.RefNull });
        }

        Assert.Equal(2, (int)elements[0].Offset!.Value);
        Assert.Equal(Opcode.RefNull, elements[4].Initializers[1].Opcode);
        Assert.Equal(ValType.FuncRef, elements[4].Initializers[1].RefType);
    }

    [Fact]
    public void Decode_DataSegments_ActivePassiveAndExplicitMemory()
    {
        var bytes = Module(
            Section(5, Vec([0x00, 0x01])),
            Section(12, [0x03]),
            Section(11, Vec(
                Concat([0x00, 0x41, 0x08, 0x0B], Vec([0x61], [0x62])),
                Concat([0x01], Vec([0x63])),
                Concat([0x02, 0x00, 0x41, 0x00, 0x0B], Vec()))));

        var module = ModuleDecoder.Decode(bytes);

        Assert.Equal(3u, module.DataCount);
        Assert.Equal(DataMode.Active, module.Datas[0].Mode);
        Assert.Equal("ab"u8.ToArray(), module.Bytes.AsSpan(module.Datas[0].DataOffset, module.Datas[0].DataLength).ToArray());
        Assert.Equal(DataMode.Passive, module.Datas[1].Mode);
        Assert.Null(module.Datas[1].Offset);
        Assert.Equal(0, module.Datas[2].DataLength);
    }

    [Fact]
    public void Decode_NameSection_KeepsModuleFunctionAndLocalNames()
    {
        var names = Concat(
            Name("name"),
            Section(0, Name("mod")),
            Section(1, Vec(Concat([0x00], Name("main")))),
            Section(2, Vec(Concat([0x00], Vec(Concat([0x00], Name("x")))))));
        var bytes = Module(
            Section(1, Vec(FuncType([I32], []))),
            Section(3, Vec([0x00])),
            Section(10, Vec(Body([0x0B]))),
            Concat([0x00], Leb(names.Length), names));

        var module = ModuleDecoder.Decode(bytes);

        Assert.Equal("mod", module.Names!.ModuleName);
        Assert.Equal("main", module.FunctionName(0));
        Assert.Equal("x", module.Names.LocalNames[0][0]);
        Assert.Equal("name", Assert.Single(module.CustomSections).Name);
    }

    [Fact]
    public void Decode_MalformedNameSection_IsIgnored()
    {
        var payload = Concat(Name("name"), [0x01, 0x7F]);
        var module = ModuleDecoder.Decode(Module(Concat([0x00], Leb(payload.Length), payload)));
        Assert.Null(module.Names);
        Assert.Single(module.CustomSections);
    }

    [Fact]
    public void Decode_CustomSectionsAnywhere_AreKept()
    {
        var bytes = Module(
            Section(0, Name("a"), [1, 2, 3]),
            Section(1, Vec(FuncType([], []))),
            Section(0, Name("b")));

        var customs = ModuleDecoder.Decode(bytes).CustomSections;

        Assert.Equal(["a", "b"], Array.ConvertAll(customs, c => c.Name));
        Assert.Equal(3, customs[0].DataLength);
    }

    [Fact]
    public void Decode_InvalidConstantExpression_IsDeferredToValidation()
    {
        // (global i32 (i32.const 1) (i32.const 2)) is well-formed but invalid.
        var bytes = Module(Section(6, Vec([I32, 0x00, 0x41, 0x01, 0x41, 0x02, 0x0B])));
        var init = ModuleDecoder.Decode(bytes).Globals[0].Init;
        Assert.Equal("type mismatch", init.InvalidReason);
    }
}
