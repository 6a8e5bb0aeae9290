using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Tests.Binary;

public sealed class WasmReaderTests
{
    [Theory]
    [InlineData("00", 0u)]
    [InlineData("7F", 127u)]
    [InlineData("80 01", 128u)]
    [InlineData("80 00", 0u)]
    [InlineData("E5 8E 26", 624485u)]
    [InlineData("FF FF FF FF 0F", uint.MaxValue)]
    [InlineData("80 80 80 80 00", 0u)]
    public void ReadU32_DecodesValidEncodings(string hex, uint expected)
    {
        var bytes = WasmBytes.Hex(hex);
        var reader = new WasmReader(bytes, 0, bytes.Length, "test");
        Assert.Equal(expected, reader.ReadU32());
        Assert.True(reader.IsAtEnd);
    }

    [Theory]
    [InlineData("80 80 80 80 80 00", "integer representation too long")]
    [InlineData("FF FF FF FF 1F", "integer too large")]
    [InlineData("82 80 80 80 70", "integer too large")]
    [InlineData("80", "unexpected end of section or function")]
    [InlineData("", "unexpected end of section or function")]
    public void ReadU32_RejectsMalformed(string hex, string reason)
    {
        var bytes = WasmBytes.Hex(hex);
        var error = Assert.Throws<WasmDecodeException>(() =>
        {
            var reader = new WasmReader(bytes, 0, bytes.Length, "test");
            reader.ReadU32();
        });
        Assert.Equal(reason, error.Reason);
        Assert.Equal("test", error.Section);
    }

    [Theory]
    [InlineData("00", 0)]
    [InlineData("7F", -1)]
    [InlineData("3F", 63)]
    [InlineData("40", -64)]
    [InlineData("C0 BB 78", -123456)]
    [InlineData("FF FF FF FF 07", int.MaxValue)]
    [InlineData("80 80 80 80 78", int.MinValue)]
    [InlineData("FF FF FF FF 7F", -1)]
    public void ReadS32_DecodesValidEncodings(string hex, int expected)
    {
        var bytes = WasmBytes.Hex(hex);
        var reader = new WasmReader(bytes, 0, bytes.Length, "test");
        Assert.Equal(expected, reader.ReadS32());
    }

    [Theory]
    [InlineData("FF FF FF FF 0F", "integer too large")]
    [InlineData("80 80 80 80 70", "integer too large")]
    [InlineData("80 80 80 80 80 00", "integer representation too long")]
    public void ReadS32_RejectsMalformed(string hex, string reason)
    {
        var bytes = WasmBytes.Hex(hex);
        var error = Assert.Throws<WasmDecodeException>(() =>
        {
            var reader = new WasmReader(bytes, 0, bytes.Length, "test");
            reader.ReadS32();
        });
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("7F", -1L)]
    [InlineData("FF FF FF FF FF FF FF FF FF 00", long.MaxValue)]
    [InlineData("80 80 80 80 80 80 80 80 80 7F", long.MinValue)]
    [InlineData("80 80 80 80 80 80 80 80 80 00", 0L)]
    public void ReadS64_DecodesValidEncodings(string hex, long expected)
    {
        var bytes = WasmBytes.Hex(hex);
        var reader = new WasmReader(bytes, 0, bytes.Length, "test");
        Assert.Equal(expected, reader.ReadS64());
    }

    [Theory]
    [InlineData("FF FF FF FF FF FF FF FF FF 01", "integer too large")]
    [InlineData("80 80 80 80 80 80 80 80 80 80 00", "integer representation too long")]
    public void ReadS64_RejectsMalformed(string hex, string reason)
    {
        var bytes = WasmBytes.Hex(hex);
        var error = Assert.Throws<WasmDecodeException>(() =>
        {
            var reader = new WasmReader(bytes, 0, bytes.Length, "test");
            reader.ReadS64();
        });
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("00", 0L)]
    [InlineData("40", -64L)]
    [InlineData("FF FF FF FF 0F", 4294967295L)]
    [InlineData("80 80 80 80 70", -4294967296L)]
    public void ReadS33_DecodesBlockTypeIndices(string hex, long expected)
    {
        var bytes = WasmBytes.Hex(hex);
        var reader = new WasmReader(bytes, 0, bytes.Length, "test");
        Assert.Equal(expected, reader.ReadS33());
    }

    [Fact]
    public void ReadName_RejectsInvalidUtf8()
    {
        byte[] bytes = [0x02, 0xC0, 0x80];
        var error = Assert.Throws<WasmDecodeException>(() =>
        {
            var reader = new WasmReader(bytes, 0, bytes.Length, "import");
            reader.ReadName();
        });
        Assert.Equal("malformed UTF-8 encoding", error.Reason);
        Assert.Equal(1, error.Offset);
    }

    [Fact]
    public void ReadName_RejectsLengthPastEnd()
    {
        byte[] bytes = [0x05, 0x61];
        var error = Assert.Throws<WasmDecodeException>(() =>
        {
            var reader = new WasmReader(bytes, 0, bytes.Length, "export");
            reader.ReadName();
        });
        Assert.Equal("length out of bounds", error.Reason);
    }

    [Fact]
    public void ReadCount_RejectsCountLargerThanRemainingBytes()
    {
        byte[] bytes = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00];
        var error = Assert.Throws<WasmDecodeException>(() =>
        {
            var reader = new WasmReader(bytes, 0, bytes.Length, "type");
            reader.ReadCount();
        });
        Assert.Equal("unexpected end of section or function", error.Reason);
    }
}
