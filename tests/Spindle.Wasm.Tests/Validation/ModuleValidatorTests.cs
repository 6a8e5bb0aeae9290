using Spindle.Wasm.Binary;
using Spindle.Wasm.Validation;
using static Spindle.Wasm.Tests.Binary.WasmBytes;

namespace Spindle.Wasm.Tests.Validation;

public sealed class ModuleValidatorTests
{
    private static readonly byte[] s_type = Section(1, Vec(FuncType([], [])));
    private static readonly byte[] s_typeWithParam = Section(1, Vec(FuncType([I32], [])));
    private static readonly byte[] s_oneFunction = Section(3, Vec([0x00]));
    private static readonly byte[] s_oneBody = Section(10, Vec(Body([0x0B])));

    public static TheoryData<string, byte[], string> InvalidModules => new()
    {
        { "function of unknown type", Module(s_type, Section(3, Vec([0x05])), Section(10, Vec(Body([0x0B])))), "unknown type 5" },
        { "imported function of unknown type", Module(Section(2, Vec(Concat(Name("m"), Name("f"), [0x00, 0x00])))), "unknown type 0" },
        { "two memories", Module(Section(5, Vec([0x00, 0x01], [0x00, 0x01]))), "multiple memories" },
        { "imported and defined memory", Module(Section(2, Vec(Concat(Name("m"), Name("mem"), [0x02, 0x00, 0x01]))), Section(5, Vec([0x00, 0x01]))), "multiple memories" },
        { "memory over 4 GiB", Module(Section(5, Vec(Concat([0x00], Leb(65537))))), "memory size must be at most 65536 pages (4GiB)" },
        { "memory max over 4 GiB", Module(Section(5, Vec(Concat([0x01, 0x00], Leb(65537))))), "memory size must be at most 65536 pages (4GiB)" },
        { "memory min over max", Module(Section(5, Vec([0x01, 0x02, 0x01]))), "size minimum must not be greater than maximum" },
        { "table min over max", Module(Section(4, Vec([FuncRef, 0x01, 0x02, 0x01]))), "size minimum must not be greater than maximum" },
        { "duplicate export", Module(s_type, s_oneFunction, Section(7, Vec(Concat(Name("a"), [0x00, 0x00]), Concat(Name("a"), [0x00, 0x00]))), s_oneBody), "duplicate export name" },
        { "export of unknown function", Module(Section(7, Vec(Concat(Name("a"), [0x00, 0x03])))), "unknown function 3" },
        { "export of unknown memory", Module(Section(7, Vec(Concat(Name("a"), [0x02, 0x00])))), "unknown memory 0" },
        { "start of unknown function", Module(Section(8, [0x00])), "unknown function 0" },
        { "start with parameters", Module(s_typeWithParam, s_oneFunction, Section(8, [0x00]), Section(10, Vec(Body([0x0B])))), "start function" },
        { "global init of wrong type", Module(Section(6, Vec([I32, 0x00, 0x42, 0x00, 0x0B]))), "type mismatch: expected i32, found i64" },
        { "global init not constant", Module(Section(6, Vec([I32, 0x00, 0x41, 0x00, 0x41, 0x00, 0x6A, 0x0B]))), "constant expression required" },
        { "global init empty", Module(Section(6, Vec([I32, 0x00, 0x0B]))), "type mismatch" },
        { "global.get of defined global", Module(Section(6, Vec([I32, 0x00, 0x41, 0x00, 0x0B], [I32, 0x00, 0x23, 0x00, 0x0B]))), "unknown global 0" },
        { "global.get of mutable import", Module(Section(2, Vec(Concat(Name("m"), Name("g"), [0x03, I32, 0x01]))), Section(6, Vec([I32, 0x00, 0x23, 0x00, 0x0B]))), "constant expression required" },
        { "element for unknown table", Module(s_type, s_oneFunction, Section(9, Vec(Concat([0x00, 0x41, 0x00, 0x0B], Vec([0x00])))), s_oneBody), "unknown table 0" },
        { "element offset of wrong type", Module(s_type, s_oneFunction, Section(4, Vec([FuncRef, 0x00, 0x01])), Section(9, Vec(Concat([0x00, 0x42, 0x00, 0x0B], Vec([0x00])))), s_oneBody), "type mismatch" },
        { "element type differs from table", Module(Section(4, Vec([ExternRef, 0x00, 0x01])), Section(9, Vec(Concat([0x04, 0x41, 0x00, 0x0B], Vec())))), "type mismatch" },
        { "element of unknown function", Module(Section(9, Vec(Concat([0x01, 0x00], Vec([0x04]))))), "unknown function 4" },
        { "element initializer of wrong type", Module(Section(9, Vec(Concat([0x05, FuncRef], Vec([0xD0, ExternRef, 0x0B]))))), "type mismatch" },
        { "data for unknown memory", Module(Section(11, Vec([0x00, 0x41, 0x00, 0x0B, 0x00]))), "unknown memory 0" },
        { "data offset of wrong type", Module(Section(5, Vec([0x00, 0x01])), Section(11, Vec([0x00, 0x43, 0x00, 0x00, 0x00, 0x00, 0x0B, 0x00]))), "type mismatch" },
    };

    [Theory]
    [MemberData(nameof(InvalidModules))]
    public void Validate_RejectsInvalidModule(string description, byte[] bytes, string reason)
    {
        var module = ModuleDecoder.Decode(bytes);
        var error = Assert.Throws<WasmValidationException>(() => ModuleValidator.Validate(module));
        Assert.True(error.Reason.StartsWith(reason, StringComparison.Ordinal), $"{description}: expected '{reason}', got '{error.Reason}'");
        Assert.Null(error.FunctionIndex);
    }

    [Fact]
    public void Validate_AcceptsModuleLevelFeatures()
    {
        var bytes = Module(
            Section(1, Vec(FuncType([], []))),
            Section(2, Vec(Concat(Name("m"), Name("g"), [0x03, I32, 0x00]))),
            Section(3, Vec([0x00])),
            Section(4, Vec([FuncRef, 0x00, 0x01], [ExternRef, 0x01, 0x00, 0x00])),
            Section(5, Vec(Concat([0x01, 0x00], Leb(65536)))),
            Section(6, Vec([I32, 0x01, 0x23, 0x00, 0x0B], [FuncRef, 0x00, 0xD2, 0x00, 0x0B])),
            Section(7, Vec(Concat(Name("f"), [0x00, 0x00]), Concat(Name("g"), [0x03, 0x01]), Concat(Name("t"), [0x01, 0x01]))),
            Section(8, [0x00]),
            Section(9, Vec(Concat([0x02, 0x00, 0x23, 0x00, 0x0B, 0x00], Vec([0x00])), Concat([0x05, ExternRef], Vec([0xD0, ExternRef, 0x0B])))),
            Section(12, [0x01]),
            Section(10, Vec(Body([0xFC, 0x09, 0x00, 0x0B]))),
            Section(11, Vec([0x01, 0x00])));

        ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
    }
}
