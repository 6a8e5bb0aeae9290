using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

// Float semantics: min/max propagate NaN (quieted by an arithmetic op) and order -0 below +0; abs/neg/copysign
// are bit operations so NaN payloads survive; nearest rounds ties to even.
internal static partial class Numerics
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Min(float a, float b)
    {
        if (a < b)
        {
            return a;
        }

        if (b < a)
        {
            return b;
        }

        if (a == b)
        {
            // Equal values, or -0 and +0: OR the sign bits so min(-0, +0) is -0.
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) | BitConverter.SingleToInt32Bits(b));
        }

        return a + b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Max(float a, float b)
    {
        if (a > b)
        {
            return a;
        }

        if (b > a)
        {
            return b;
        }

        if (a == b)
        {
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & BitConverter.SingleToInt32Bits(b));
        }

        return a + b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Min(double a, double b)
    {
        if (a < b)
        {
            return a;
        }

        if (b < a)
        {
            return b;
        }

        if (a == b)
        {
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | BitConverter.DoubleToInt64Bits(b));
        }

        return a + b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Max(double a, double b)
    {
        if (a > b)
        {
            return a;
        }

        if (b > a)
        {
            return b;
        }

        if (a == b)
        {
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & BitConverter.DoubleToInt64Bits(b));
        }

        return a + b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Abs(float a) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & int.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Neg(float a) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) ^ int.MinValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Copysign(float a, float b) =>
        BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(a) & int.MaxValue) | (BitConverter.SingleToInt32Bits(b) & int.MinValue));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Abs(double a) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & long.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Neg(double a) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) ^ long.MinValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Copysign(double a, double b) =>
        BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(a) & long.MaxValue) | (BitConverter.DoubleToInt64Bits(b) & long.MinValue));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Ceil(float a) => MathF.Ceiling(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Floor(float a) => MathF.Floor(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Trunc(float a) => MathF.Truncate(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Nearest(float a) => MathF.Round(a, MidpointRounding.ToEven);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Sqrt(float a) => MathF.Sqrt(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Ceil(double a) => Math.Ceiling(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Floor(double a) => Math.Floor(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Trunc(double a) => Math.Truncate(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Nearest(double a) => Math.Round(a, MidpointRounding.ToEven);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Sqrt(double a) => Math.Sqrt(a);

    /// <summary>Produces a float from bits without letting the JIT constant-fold it (folding can quiet a signalling NaN).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float F32FromBits(int bits) => BitConverter.Int32BitsToSingle(bits);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double F64FromBits(long bits) => BitConverter.Int64BitsToDouble(bits);


    // Named after their opcodes so the compiler finds them by name.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32ReinterpretF32(float a) => BitConverter.SingleToInt32Bits(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64ReinterpretF64(double a) => BitConverter.DoubleToInt64Bits(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32ReinterpretI32(int a) => BitConverter.Int32BitsToSingle(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64ReinterpretI64(long a) => BitConverter.Int64BitsToDouble(a);

    /// <summary>f32.demote_f64 the JIT cannot fold into a preceding promote.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float F32DemoteOpaque(double a) => (float)a;
}
