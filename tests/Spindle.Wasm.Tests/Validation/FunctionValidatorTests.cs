using Spindle.Wasm.Binary;
using Spindle.Wasm.Validation;
using static Spindle.Wasm.Tests.Binary.WasmBytes;

namespace Spindle.Wasm.Tests.Validation;

public sealed class FunctionValidatorTests
{
    private static void Validate(byte[] bytes) => ModuleValidator.Validate(ModuleDecoder.Decode(bytes));

    // Valid bodies of a function [] -> [i32] in a module with one memory and one funcref table.
    public static TheoryData<string, string> ValidBodies => new()
    {
        { "constant", "41 01" },
        { "arithmetic", "41 01 41 02 6A" },
        { "block with result", "02 7F 41 01 0B" },
        { "multi-value block by type index", "41 01 41 02 02 01 6A 0B" },
        { "loop with parameter", "41 01 03 02 0B" },
        { "if else", "41 01 04 7F 41 02 05 41 03 0B" },
        { "br to function label", "41 01 0C 00" },
        { "unreachable makes the stack polymorphic", "00 6A" },
        { "unreachable then select", "00 1B" },
        { "br_table with consistent targets", "02 7F 41 01 41 00 0E 01 00 00 0B" },
        { "br_if keeps values", "02 7F 41 01 41 00 0D 00 0B" },
        { "return", "41 01 0F" },
        { "memory load", "41 00 28 02 00" },
        { "memory.grow", "41 01 40 00" },
        { "typed select of references", "D0 70 D0 70 41 01 1C 01 70 D1" },
        { "table.size", "FC 10 00" },
        { "memory.fill", "41 00 41 00 41 00 FC 0B 00 41 00" },
        { "i32 locals default", "20 00" },
        { "local.tee", "41 05 22 00" },
        { "drops below an unreachable frame", "00 1A 1A 1A" },
        { "br_table in unreachable code", "00 0E 00 00" },
        { "dead code after br", "41 01 0C 00 6A 6A" },
        { "table.grow", "D0 70 41 01 FC 0F 00" },
        { "i32 from a loop body", "03 7F 41 01 0B" },
    };

    [Theory]
    [MemberData(nameof(ValidBodies))]
    public void Validate_AcceptsValidBody(string description, string body)
    {
        _ = description;
        Validate(SingleFunction(Hex(body), results: [I32], locals: [(1, I32)], memory: true, table: true,
            extraTypes: [FuncType([I32, I32], [I32]), FuncType([I32], [I32])]));
    }

    // Invalid bodies of a function [] -> [i32] with one i32 local, memory and table; expected reason prefix and opcode.
    public static TheoryData<string, string, string, string> InvalidBodies => new()
    {
        { "empty body", "", "type mismatch", "end" },
        { "wrong result type", "42 01", "type mismatch: expected i32, found i64", "end" },
        { "operand type", "41 01 43 00 00 00 00 6A", "type mismatch: expected i32, found f32", "i32.add" },
        { "stack underflow", "6A", "type mismatch", "i32.add" },
        { "extra value", "41 01 41 02", "type mismatch", "end" },
        { "unknown local", "20 05", "unknown local 5", "local.get" },
        { "unknown global", "23 00", "unknown global 0", "global.get" },
        { "unknown function", "10 07 41 00", "unknown function 7", "call" },
        { "unknown label", "0C 02", "unknown label 2", "br" },
        { "unknown type", "02 09 0B 41 00", "unknown type 9", "block" },
        { "unknown table", "41 00 11 00 04", "unknown table 4", "call_indirect" },
        { "alignment too large", "41 00 28 03 00", "alignment must not be larger than natural", "i32.load" },
        { "select of references", "D0 70 D0 70 41 01 1B 1A 41 00", "type mismatch", "select" },
        { "typed select arity", "41 01 41 01 41 01 1C 02 7F 7F", "invalid result arity", "select" },
        { "if without else changes type", "41 01 04 7F 41 02 0B", "type mismatch", "end" },
        { "br_table arity", "02 7F 02 40 41 00 0E 01 00 01 0B 0B", "type mismatch", "br_table" },
        { "unknown data segment", "41 00 41 00 41 00 FC 08 00 00 41 00", "unknown data segment 0", "memory.init" },
        { "unknown elem segment", "FC 0D 03 41 00", "unknown elem segment 3", "elem.drop" },
        { "undeclared function reference", "D2 00 1A 41 00", "undeclared function reference", "ref.func" },
        { "ref.is_null of i32", "41 00 D1", "type mismatch", "ref.is_null" },
        { "known type below unreachable", "00 42 00 6A", "type mismatch: expected i32, found i64", "i32.add" },
        { "block cannot see outer operands", "41 01 02 7F 6A 0B", "type mismatch", "i32.add" },
        { "br carries the label type", "02 7F 42 00 0C 00 0B", "type mismatch: expected i32, found i64", "br" },
        { "local.set wrong type", "42 00 21 00 41 00", "type mismatch: expected i32, found i64", "local.set" },
        { "store value type", "41 00 42 00 36 02 00 41 00", "type mismatch: expected i32, found i64", "i32.store" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public void Validate_RejectsInvalidBody_NamingFunctionOffsetAndOpcode(string description, string body, string reason, string opcode)
    {
        var bytes = SingleFunction(Hex(body), results: [I32], locals: [(1, I32)], memory: true, table: true);
        var error = Assert.Throws<WasmValidationException>(() => Validate(bytes));
        Assert.True(error.Reason.StartsWith(reason, StringComparison.Ordinal), $"{description}: expected '{reason}', got '{error.Reason}'");
        Assert.Equal(opcode, error.Opcode);
        Assert.Equal(0, error.FunctionIndex);
        Assert.InRange(error.Offset, 8, bytes.Length);
    }

    [Fact]
    public void Message_HasFunctionOffsetOpcodeAndTypes()
    {
        var bytes = SingleFunction(Hex("41 01 44 00 00 00 00 00 00 00 00 6A"), results: [I32]);
        var error = Assert.Throws<WasmValidationException>(() => Validate(bytes));
        var offset = Array.IndexOf(bytes, (byte)0x6A);
        Assert.Equal($"func 0 @0x{offset:X} i32.add: type mismatch: expected i32, found f64", error.Message);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Validate_LoadWithoutMemory_IsUnknownMemory()
    {
        var error = Assert.Throws<WasmValidationException>(() => Validate(SingleFunction(Hex("41 00 28 02 00 1A"))));
        Assert.Equal("unknown memory 0", error.Reason);
        Assert.Equal("i32.load", error.Opcode);
    }

    [Fact]
    public void Validate_GlobalSetOfImmutable_IsRejected()
    {
        var bytes = Module(
            Section(1, Vec(FuncType([], []))),
            Section(3, Vec([0x00])),
            Section(6, Vec([I32, 0x00, 0x41, 0x00, 0x0B])),
            Section(10, Vec(Body([0x41, 0x01, 0x24, 0x00, 0x0B]))));
        var error = Assert.Throws<WasmValidationException>(() => Validate(bytes));
        Assert.StartsWith("global is immutable", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FunctionIndexCountsImports()
    {
        var bytes = Module(
            Section(1, Vec(FuncType([], []))),
            Section(2, Vec(Concat(Name("env"), Name("f"), [0x00, 0x00]))),
            Section(3, Vec([0x00], [0x00])),
            Section(10, Vec(Body([0x0B]), Body([0x6A, 0x0B]))));
        var error = Assert.Throws<WasmValidationException>(() => Validate(bytes));
        Assert.Equal(2, error.FunctionIndex);
    }

    [Fact]
    public void Validate_RefFuncDeclaredByElementSegment_IsAccepted()
    {
        var bytes = Module(
            Section(1, Vec(FuncType([], []))),
            Section(3, Vec([0x00])),
            Section(9, Vec(Concat([0x03, 0x00], Vec([0x00])))),
            Section(10, Vec(Body([0xD2, 0x00, 0x1A, 0x0B]))));
        Validate(bytes);
    }

    [Fact]
    public void Validate_DeepNesting_DoesNotOverflow()
    {
        var code = new List<byte>();
        for (var i = 0; i < 50_000; i++)
        {
            code.AddRange([0x02, 0x40]);
        }

        for (var i = 0; i < 50_000; i++)
        {
            code.Add(0x0B);
        }

        Validate(SingleFunction([.. code]));
    }
}
