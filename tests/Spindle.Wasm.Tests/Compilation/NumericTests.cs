namespace Spindle.Wasm.Tests.Compilation;

public class NumericTests
{
    private static readonly Instance s_numeric = Fixtures.Instantiate("numeric");

    public static TheoryData<string, object[], object> Results => new()
    {
        { "i32.div_s", [-7, 2], -3 },
        { "i32.div_u", [-1, 2], int.MaxValue },
        { "i32.rem_s", [int.MinValue, -1], 0 },
        { "i32.rem_s", [-7, 2], -1 },
        { "i32.rem_u", [-1, 10], 5 },
        { "i64.rem_s", [long.MinValue, -1L], 0L },
        { "i32.shl", [1, 33], 2 },
        { "i32.shr_s", [int.MinValue, 63], -1 },
        { "i32.shr_u", [int.MinValue, 63], 1 },
        { "i64.shl", [1L, 65L], 2L },
        { "i32.rotl", [unchecked((int)0x80000001), 1], 3 },
        { "i64.rotr", [1L, 65L], long.MinValue },
        { "i32.clz", [0], 32 },
        { "i32.ctz", [0], 32 },
        { "i32.ctz", [0x100], 8 },
        { "i64.popcnt", [-1L], 64L },
        { "i32.extend8_s", [0x80], -128 },
        { "i64.extend32_s", [0x80000000L], -2147483648L },
        { "f32.min", [-0f, 0f], -0f },
        { "f32.max", [-0f, 0f], 0f },
        { "f64.min", [0d, -0d], -0d },
        { "f64.max", [0d, -0d], 0d },
        { "f64.nearest", [2.5], 2d },
        { "f64.nearest", [3.5], 4d },
        { "f64.nearest", [-0.5], -0d },
        { "f32.nearest", [-1.5f], -2f },
        { "f32.copysign", [1f, -0f], -1f },
        { "i32.trunc_sat_f32_s", [float.NaN], 0 },
        { "i32.trunc_sat_f32_s", [3e9f], int.MaxValue },
        { "i32.trunc_sat_f32_s", [-3e9f], int.MinValue },
        { "i64.trunc_sat_f64_u", [-5d], 0L },
        { "i64.trunc_sat_f64_u", [1e20], -1L },
        { "i32.trunc_f32_s", [-2147483648f], int.MinValue },
        { "i32.trunc_f64_u", [4294967295.9], -1 },
        { "i64.trunc_f64_s", [-9.2233720368547758E18], long.MinValue },
        { "f32.convert_i64_u", [-1L], 18446744073709551616f },
        { "f32.convert_i64_u", [unchecked((long)0x8000008000000001UL)], 9223373136366403584f },
        { "f64.convert_i64_u", [long.MinValue], 9223372036854775808d },
        { "f32.lt", [float.NaN, 1f], 0 },
        { "f64.le", [double.NaN, double.NaN], 0 },
        { "f64.ge", [1d, 1d], 1 },
        { "f32.ne", [float.NaN, float.NaN], 1 },
    };

    [Theory]
    [MemberData(nameof(Results))]
    public void Operator_HasWasmSemantics(string function, object[] args, object expected)
    {
        var actual = s_numeric.Call(function, args);
        Assert.Equal(expected.GetType(), actual!.GetType());

        // Compare bits so -0 and +0 differ.
        Assert.Equal(Bits(expected), Bits(actual));
    }

    public static TheoryData<string, object[], TrapKind> Traps => new()
    {
        { "i32.div_s", [1, 0], TrapKind.IntegerDivideByZero },
        { "i32.div_s", [int.MinValue, -1], TrapKind.IntegerOverflow },
        { "i32.rem_u", [1, 0], TrapKind.IntegerDivideByZero },
        { "i64.div_s", [long.MinValue, -1L], TrapKind.IntegerOverflow },
        { "i32.trunc_f32_s", [float.NaN], TrapKind.InvalidConversionToInteger },
        { "i32.trunc_f32_s", [2147483648f], TrapKind.IntegerOverflow },
        { "i32.trunc_f64_u", [-1d], TrapKind.IntegerOverflow },
        { "i32.trunc_f64_u", [4294967296d], TrapKind.IntegerOverflow },
        { "i64.trunc_f64_s", [9.2233720368547758E18], TrapKind.IntegerOverflow },
    };

    [Theory]
    [MemberData(nameof(Traps))]
    public void Operator_OutsideDomain_Traps(string function, object[] args, TrapKind kind)
    {
        var trap = Assert.Throws<TrapException>(() => s_numeric.Call(function, args));
        Assert.Equal(kind, trap.Kind);
        Assert.Equal(TrapException.MessageFor(kind), trap.Message);
    }

    [Theory]
    [InlineData("f32.neg.bits", 0x7FA00001, unchecked((int)0xFFA00001))]
    [InlineData("f32.neg.bits", 0, unchecked((int)0x80000000))]
    public void NegAbs_AreBitOperations_PreservingNaNPayloads(string function, int input, int expected) =>
        Assert.Equal(expected, s_numeric.Call(function, input));

    [Fact]
    public void Abs_OfNegativeSignallingNaN_ClearsOnlyTheSign() =>
        Assert.Equal(0x7FF4000000000001L, s_numeric.Call("f64.abs.bits", unchecked((long)0xFFF4000000000001UL)));

    [Fact]
    public void MulByOne_OfSignallingNaN_IsNotFoldedAway()
    {
        // x * 1.0 must quiet a signalling NaN (arithmetic NaN result); a JIT fold to x would keep it signalling.
        var bits = (int)s_numeric.Call("f32.mul_one.bits", 0x7FA00000)!;
        Assert.Equal(0x7FC00000, bits & 0x7FC00000);
    }

    [Fact]
    public void SignallingNaNConstant_KeepsItsPayload() =>
        Assert.Equal(0x7FA00000, s_numeric.Call("f32.const_snan.bits"));

    private static long Bits(object value) => value switch
    {
        float f => BitConverter.SingleToInt32Bits(f),
        double d => BitConverter.DoubleToInt64Bits(d),
        int i => i,
        long l => l,
        _ => throw new ArgumentException("unexpected type", nameof(value)),
    };
}
