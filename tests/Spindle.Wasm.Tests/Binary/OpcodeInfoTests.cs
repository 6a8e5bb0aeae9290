using Spindle.Wasm.Binary;

namespace Spindle.Wasm.Tests.Binary;

public sealed class OpcodeInfoTests
{
    [Theory]
    [InlineData((ushort)Opcode.I32Add, "i32.add")]
    [InlineData((ushort)Opcode.BrTable, "br_table")]
    [InlineData((ushort)Opcode.SelectTyped, "select")]
    [InlineData((ushort)Opcode.I64TruncSatF64U, "i64.trunc_sat_f64_u")]
    [InlineData((ushort)Opcode.TableFill, "table.fill")]
    [InlineData((ushort)Opcode.F32ReinterpretI32, "f32.reinterpret_i32")]
    [InlineData((ushort)Opcode.I64Extend32S, "i64.extend32_s")]
    public void Mnemonic_UsesTextFormatNames(ushort opcode, string mnemonic) =>
        Assert.Equal(mnemonic, OpcodeInfo.Mnemonic((Opcode)opcode));

    [Fact]
    public void EveryOpcode_HasAMnemonicMatchingItsName()
    {
        foreach (var opcode in Enum.GetValues<Opcode>())
        {
            var mnemonic = OpcodeInfo.Mnemonic(opcode);
            var pascal = string.Concat(Array.ConvertAll(mnemonic.Split('.', '_'), p => char.ToUpperInvariant(p[0]) + p[1..]));
            Assert.True(opcode == Opcode.SelectTyped || pascal == opcode.ToString(), $"{opcode} has mnemonic {mnemonic}");
        }
    }

    [Fact]
    public void Opcodes_CoverWasm20WithoutSimd()
    {
        // 0x00-0xD2 one-byte operators defined by Wasm 2.0 plus 18 0xFC operators.
        Assert.Equal(201, Enum.GetValues<Opcode>().Length);
    }

    [Theory]
    [InlineData((ushort)Opcode.I32Add, new[] { ValType.I32, ValType.I32 }, new[] { ValType.I32 })]
    [InlineData((ushort)Opcode.F64Lt, new[] { ValType.F64, ValType.F64 }, new[] { ValType.I32 })]
    [InlineData((ushort)Opcode.I64Eqz, new[] { ValType.I64 }, new[] { ValType.I32 })]
    [InlineData((ushort)Opcode.F32DemoteF64, new[] { ValType.F64 }, new[] { ValType.F32 })]
    [InlineData((ushort)Opcode.I64Load32U, new[] { ValType.I32 }, new[] { ValType.I64 })]
    [InlineData((ushort)Opcode.F64Store, new[] { ValType.I32, ValType.F64 }, new ValType[0])]
    [InlineData((ushort)Opcode.I32TruncSatF32S, new[] { ValType.F32 }, new[] { ValType.I32 })]
    public void TryGetSimpleSignature_ReturnsPopsAndPushes(ushort opcode, ValType[] pops, ValType[] pushes)
    {
        Assert.True(OpcodeInfo.TryGetSimpleSignature((Opcode)opcode, out var actualPops, out var actualPushes));
        Assert.Equal(pops, actualPops);
        Assert.Equal(pushes, actualPushes);
    }

    [Theory]
    [InlineData((ushort)Opcode.Call)]
    [InlineData((ushort)Opcode.Select)]
    [InlineData((ushort)Opcode.LocalGet)]
    [InlineData((ushort)Opcode.MemoryGrow)]
    [InlineData((ushort)Opcode.TableGet)]
    public void TryGetSimpleSignature_IsFalseForContextDependentOperators(ushort opcode) =>
        Assert.False(OpcodeInfo.TryGetSimpleSignature((Opcode)opcode, out _, out _));

    [Theory]
    [InlineData((ushort)Opcode.I32Load8U, 1, 0)]
    [InlineData((ushort)Opcode.I64Store16, 2, 1)]
    [InlineData((ushort)Opcode.F32Load, 4, 2)]
    [InlineData((ushort)Opcode.I64Load, 8, 3)]
    [InlineData((ushort)Opcode.I32Add, 0, -1)]
    public void AccessSize_AndNaturalAlignment(ushort opcode, int size, int alignment)
    {
        Assert.Equal(size, OpcodeInfo.AccessSize((Opcode)opcode));
        Assert.Equal(alignment, OpcodeInfo.NaturalAlignment((Opcode)opcode));
    }
}
