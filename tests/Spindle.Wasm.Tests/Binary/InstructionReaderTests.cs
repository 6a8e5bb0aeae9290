using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Tests.Binary;

public sealed class InstructionReaderTests
{
    [Fact]
    public void Read_DecodesImmediates_WithAbsoluteOffsets()
    {
        byte[] body =
        [
            0x41, 0x7F,                         // i32.const -1
            0x42, 0x80, 0x01,                   // i64.const 128
            0x43, 0x00, 0x00, 0x80, 0x3F,       // f32.const 1.0
            0x28, 0x02, 0x10,                   // i32.load align=4 offset=16
            0x11, 0x03, 0x01,                   // call_indirect type 3 table 1
            0x1C, 0x01, 0x7E,                   // select (result i64)
            0xD0, 0x6F,                         // ref.null extern
            0xFC, 0x0C, 0x02, 0x01,             // table.init elem 2 table 1
            0x02, 0x05,                         // block (type 5)
            0x0B,                               // end
        ];
        var reader = new InstructionReader(body, 100);

        Assert.True(reader.Read(out var i32));
        Assert.Equal((Opcode.I32Const, 100, -1), (i32.Opcode, i32.Offset, i32.I32));
        Assert.True(reader.Read(out var i64));
        Assert.Equal((Opcode.I64Const, 128L), (i64.Opcode, i64.I64));
        Assert.True(reader.Read(out var f32));
        Assert.Equal(1.0f, BitConverter.Int32BitsToSingle((int)f32.Value));
        Assert.True(reader.Read(out var load));
        Assert.Equal((Opcode.I32Load, 2u, 16u), (load.Opcode, load.MemAlign, load.MemOffset));
        Assert.True(reader.Read(out var call));
        Assert.Equal((Opcode.CallIndirect, 3u, 1u), (call.Opcode, call.Index, call.Index2));
        Assert.True(reader.Read(out var select));
        Assert.Equal((Opcode.SelectTyped, 1u, ValType.I64), (select.Opcode, select.Index, select.ValueType));
        Assert.True(reader.Read(out var refNull));
        Assert.Equal(ValType.ExternRef, refNull.RefType);
        Assert.True(reader.Read(out var tableInit));
        Assert.Equal((Opcode.TableInit, 2u, 1u), (tableInit.Opcode, tableInit.Index, tableInit.Index2));
        Assert.True(reader.Read(out var block));
        Assert.Equal(new BlockType(BlockTypeKind.TypeIndex, default, 5), block.BlockType);
        Assert.True(reader.Read(out var end));
        Assert.Equal(Opcode.End, end.Opcode);
        Assert.False(reader.Read(out _));
    }

    [Fact]
    public void ReadBrTableTargets_ReturnsTargetsAndDefault()
    {
        byte[] body = [0x0E, 0x03, 0x00, 0x01, 0x80, 0x01, 0x02, 0x0B];
        var reader = new InstructionReader(body, 10);
        Assert.True(reader.Read(out var brTable));
        Assert.Equal(3, brTable.BrTableCount);
        Assert.Equal(2u, brTable.Index);
        Span<uint> targets = stackalloc uint[3];
        reader.ReadBrTableTargets(in brTable, targets);
        Assert.Equal([0u, 1u, 128u], targets.ToArray());
        Assert.True(reader.Read(out var end));
        Assert.Equal(Opcode.End, end.Opcode);
    }

    [Fact]
    public void Read_MalformedImmediate_ReportsAbsoluteOffset()
    {
        byte[] body = [0x01, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00];
        var error = Assert.Throws<WasmDecodeException>(() =>
        {
            var reader = new InstructionReader(body, 1000);
            while (reader.Read(out _))
            {
            }
        });
        Assert.Equal("integer representation too long", error.Reason);
        Assert.Equal(1002, error.Offset);
    }
}
