using Spindle.Wasm.Binary;
using static Spindle.Wasm.Tests.Binary.WasmBytes;

namespace Spindle.Wasm.Tests.Binary;

public sealed class ModuleDecoderErrorTests
{
    // Hex modules with the expected reason, byte offset and section of the decode error.
    public static TheoryData<string, string, string, long, string> Cases => new()
    {
        { "empty input", "", "unexpected end", 0, "header" },
        { "truncated magic", "00 61 73", "unexpected end", 3, "header" },
        { "wrong magic", "00 41 53 4D 01 00 00 00", "magic header not detected", 0, "header" },
        { "truncated version", "00 61 73 6D 01 00", "unexpected end", 6, "header" },
        { "wrong version", "00 61 73 6D 02 00 00 00", "unknown binary version", 4, "header" },
        { "section id 13", "00 61 73 6D 01 00 00 00 0D 00", "malformed section id", 8, "module" },
        { "section size past end", "00 61 73 6D 01 00 00 00 01 07 01 60 00 00", "length out of bounds", 9, "type" },
        { "truncated section size", "00 61 73 6D 01 00 00 00 01 80", "unexpected end", 10, "type" },
        { "section size too long", "00 61 73 6D 01 00 00 00 01 80 80 80 80 80 00", "integer representation too long", 9, "type" },
        { "type count larger than section", "00 61 73 6D 01 00 00 00 01 04 02 60 00 00", "unexpected end of section or function", 14, "type" },
        { "section longer than content", "00 61 73 6D 01 00 00 00 01 05 01 60 00 00 00", "section size mismatch", 14, "type" },
        { "bad function type form", "00 61 73 6D 01 00 00 00 01 04 01 61 00 00", "malformed function type", 11, "type" },
        { "bad value type", "00 61 73 6D 01 00 00 00 01 05 01 60 01 55 00", "malformed value type", 13, "type" },
        { "simd value type", "00 61 73 6D 01 00 00 00 01 05 01 60 01 7B 00", "SIMD (v128) is not supported", 13, "type" },
        { "import kind 4", "00 61 73 6D 01 00 00 00 02 05 01 00 00 04 00", "malformed import kind", 13, "import" },
        { "import name bad UTF-8", "00 61 73 6D 01 00 00 00 02 07 01 01 FF 00 00 00 00", "malformed UTF-8 encoding", 12, "import" },
        { "global mutability 2", "00 61 73 6D 01 00 00 00 06 06 01 7F 02 41 00 0B", "malformed mutability", 12, "global" },
        { "table of i32", "00 61 73 6D 01 00 00 00 04 04 01 7F 00 00", "malformed reference type", 11, "table" },
        { "limits flag 2", "00 61 73 6D 01 00 00 00 05 03 01 02 00", "integer too large", 11, "memory" },
        { "export kind 4", "00 61 73 6D 01 00 00 00 07 04 01 00 04 00", "malformed export kind", 12, "export" },
        { "sections out of order", "00 61 73 6D 01 00 00 00 03 01 00 01 01 00", "unexpected content after last section", 11, "type" },
        { "duplicate section", "00 61 73 6D 01 00 00 00 01 01 00 01 01 00", "unexpected content after last section", 11, "type" },
        { "function without code", "00 61 73 6D 01 00 00 00 01 04 01 60 00 00 03 02 01 00", "function and code section have inconsistent lengths", 16, "module" },
        { "data count mismatch", "00 61 73 6D 01 00 00 00 05 03 01 00 01 0C 01 01", "data count and data section have inconsistent lengths", 15, "module" },
        { "element kind 8", "00 61 73 6D 01 00 00 00 09 02 01 08", "malformed elements segment kind", 11, "element" },
        { "data kind 3", "00 61 73 6D 01 00 00 00 0B 02 01 03", "malformed data segment kind", 11, "data" },
        { "custom section name past end", "00 61 73 6D 01 00 00 00 00 02 05 61", "length out of bounds", 10, "custom" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_MalformedModule_ReportsReasonOffsetAndSection(string description, string hex, string reason, long offset, string section)
    {
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(Hex(hex)));
        Assert.True(reason == error.Reason, $"{description}: expected '{reason}', got '{error.Reason}'");
        Assert.True(offset == error.Offset, $"{description}: expected offset {offset}, got {error.Offset}");
        Assert.True(section == error.Section, $"{description}: expected section '{section}', got '{error.Section}'");
    }

    // Function bodies (without the final end) that are malformed.
    [Fact]
    public void Decode_ComponentBinary_SaysItIsAComponentAndWhatToBuild()
    {
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(Hex("00 61 73 6D 0D 00 01 00")));
        Assert.StartsWith("unknown binary version: this is a WebAssembly component", error.Reason);
        Assert.Contains("wasm32-wasip1", error.Reason);
        Assert.Equal(4, error.Offset);
    }

    public static TheoryData<string, string, string> BodyCases => new()
    {
        { "illegal opcode", "06", "illegal opcode" },
        { "illegal 0xFC subopcode", "FC 12", "illegal opcode" },
        { "simd prefix", "FD 00", "SIMD instructions are not supported" },
        { "memory.size reserved byte", "3F 01 1A", "zero byte expected" },
        { "memory.grow reserved byte", "41 00 40 01 1A", "zero byte expected" },
        { "memory.fill reserved byte", "41 00 41 00 41 00 FC 0B 01", "zero byte expected" },
        { "memarg flags too large", "41 00 28 20 00 1A", "malformed memop flags" },
        { "i32.const too long", "41 80 80 80 80 80 00 1A", "integer representation too long" },
        { "i64.const too large", "42 FF FF FF FF FF FF FF FF FF 01 1A", "integer too large" },
        { "else outside if", "02 40 05 0B", "END opcode expected" },
        { "ref.null of i32", "D0 7F 1A", "malformed reference type" },
        { "negative block type index", "02 80 80 80 80 78 0B", "malformed block type" },
    };

    [Theory]
    [MemberData(nameof(BodyCases))]
    public void Decode_MalformedInstruction_ReportsCodeSection(string description, string body, string reason)
    {
        var bytes = SingleFunction(Hex(body), memory: true);
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(bytes));
        Assert.True(reason == error.Reason, $"{description}: expected '{reason}', got '{error.Reason}'");
        Assert.Equal("code", error.Section);
    }

    [Fact]
    public void Decode_TruncatedCodeSection_ReportsOffsetOfEnd()
    {
        var bytes = SingleFunction([0x41, 0x01, 0x1A]);
        var truncated = bytes.AsSpan(0, bytes.Length - 2).ToArray();
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(truncated));
        Assert.Equal("length out of bounds", error.Reason);
        Assert.Equal("code", error.Section);
    }

    [Fact]
    public void Decode_BodyWithoutEnd_ReportsEndExpected()
    {
        // Body "41 01 1A" lacks the final end; a custom section follows so the module does not end there.
        var module = Module(
            Section(1, Vec(FuncType([], []))),
            Section(3, Vec([0x00])),
            Section(10, Vec(Body([0x41, 0x01, 0x1A]))),
            Section(0, Name("x")));
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(module));
        Assert.Equal("END opcode expected", error.Reason);
    }

    [Fact]
    public void Decode_BytesAfterFinalEnd_ReportsSizeMismatch()
    {
        var module = Module(
            Section(1, Vec(FuncType([], []))),
            Section(3, Vec([0x00])),
            Section(10, Vec(Body([0x0B, 0x01]))));
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(module));
        Assert.Equal("section size mismatch", error.Reason);
    }

    [Fact]
    public void Decode_TooManyLocals_IsMalformed()
    {
        var module = Module(
            Section(1, Vec(FuncType([], []))),
            Section(3, Vec([0x00])),
            Section(10, Vec(Body([0x0B], (int.MaxValue, I32), (int.MaxValue, I32)))));
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(module));
        Assert.Equal("too many locals", error.Reason);
    }

    [Fact]
    public void Decode_FunctionTypeArity_IsLimited()
    {
        var parameters = new byte[1001];
        Array.Fill(parameters, I32);
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(Module(Section(1, Vec(FuncType(parameters, []))))));
        Assert.StartsWith("too many parameters", error.Reason, StringComparison.Ordinal);

        Array.Resize(ref parameters, 1000);
        Assert.Equal(1000, ModuleDecoder.Decode(Module(Section(1, Vec(FuncType(parameters, parameters))))).Types[0].Results.Count);
    }

    [Fact]
    public void Decode_MemoryInitWithDataButNoDataCount_RequiresDataCount()
    {
        var module = Module(
            Section(1, Vec(FuncType([], []))),
            Section(3, Vec([0x00])),
            Section(5, Vec([0x00, 0x01])),
            Section(10, Vec(Body([0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, 0x0B]))),
            Section(11, Vec([0x01, 0x00])));
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(module));
        Assert.Equal("data count section required", error.Reason);
    }

    [Fact]
    public void Decode_HugeDeclaredCount_FailsWithoutAllocating()
    {
        // 2^32-1 types declared in a 6-byte section: must fail fast, not try to allocate 4 billion entries.
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(Hex("00 61 73 6D 01 00 00 00 01 06 FF FF FF FF 0F 60")));
        Assert.Equal("unexpected end of section or function", error.Reason);
    }

    [Fact]
    public void Message_NamesSectionOffsetAndReason()
    {
        var error = Assert.Throws<WasmDecodeException>(() => ModuleDecoder.Decode(Hex("00 61 73 6D 01 00 00 00 02 05 01 00 00 04 00")));
        Assert.Equal("import section @0xD: malformed import kind", error.Message);
    }
}
