using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

// Float-to-int conversions: trapping trunc checks NaN (invalid conversion) and range (overflow) explicitly; the
// saturating forms clamp. Range bounds are the exact float values around the integer range. Unsigned 64-bit to
// float conversions avoid the double rounding of going through double.
internal static partial class Numerics
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF32S(float a)
    {
        if (!(a >= -2147483648f && a < 2147483648f))
        {
            TruncFailed(float.IsNaN(a));
        }

        return (int)a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF32U(float a)
    {
        if (!(a > -1f && a < 4294967296f))
        {
            TruncFailed(float.IsNaN(a));
        }

        return (int)(uint)a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF64S(double a)
    {
        if (!(a > -2147483649d && a < 2147483648d))
        {
            TruncFailed(double.IsNaN(a));
        }

        return (int)a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF64U(double a)
    {
        if (!(a > -1d && a < 4294967296d))
        {
            TruncFailed(double.IsNaN(a));
        }

        return (int)(uint)a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF32S(float a)
    {
        if (!(a >= -9223372036854775808f && a < 9223372036854775808f))
        {
            TruncFailed(float.IsNaN(a));
        }

        return (long)a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF32U(float a)
    {
        if (!(a > -1f && a < 18446744073709551616f))
        {
            TruncFailed(float.IsNaN(a));
        }

        return (long)(ulong)a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF64S(double a)
    {
        if (!(a >= -9223372036854775808d && a < 9223372036854775808d))
        {
            TruncFailed(double.IsNaN(a));
        }

        return (long)a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF64U(double a)
    {
        if (!(a > -1d && a < 18446744073709551616d))
        {
            TruncFailed(double.IsNaN(a));
        }

        return (long)(ulong)a;
    }

    public static int I32TruncSatF32S(float a) =>
        float.IsNaN(a) ? 0 : a <= -2147483648f ? int.MinValue : a >= 2147483648f ? int.MaxValue : (int)a;

    public static int I32TruncSatF32U(float a) =>
        !(a > 0f) ? 0 : a >= 4294967296f ? -1 : (int)(uint)a;

    public static int I32TruncSatF64S(double a) =>
        double.IsNaN(a) ? 0 : a <= -2147483648d ? int.MinValue : a >= 2147483647d ? int.MaxValue : (int)a;

    public static int I32TruncSatF64U(double a) =>
        !(a > 0d) ? 0 : a >= 4294967295d ? -1 : (int)(uint)a;

    public static long I64TruncSatF32S(float a) =>
        float.IsNaN(a) ? 0 : a <= -9223372036854775808f ? long.MinValue : a >= 9223372036854775808f ? long.MaxValue : (long)a;

    public static long I64TruncSatF32U(float a) =>
        !(a > 0f) ? 0 : a >= 18446744073709551616f ? -1 : (long)(ulong)a;

    public static long I64TruncSatF64S(double a) =>
        double.IsNaN(a) ? 0 : a <= -9223372036854775808d ? long.MinValue : a >= 9223372036854775808d ? long.MaxValue : (long)a;

    public static long I64TruncSatF64U(double a) =>
        !(a > 0d) ? 0 : a >= 18446744073709551616d ? -1 : (long)(ulong)a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32ConvertI32U(int a) => (long)(uint)a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64ConvertI32U(int a) => (uint)a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32ConvertI64U(long a)
    {
        if (a >= 0)
        {
            return a;
        }

        // Halve keeping the lost bit sticky so the single rounding to float stays correct, then double.
        var half = (long)(((ulong)a >> 1) | ((ulong)a & 1));
        return (float)half * 2f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64ConvertI64U(long a)
    {
        if (a >= 0)
        {
            return a;
        }

        var half = (long)(((ulong)a >> 1) | ((ulong)a & 1));
        return (double)half * 2d;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TruncFailed(bool nan) =>
        Trap.Throw(nan ? TrapKind.InvalidConversionToInteger : TrapKind.IntegerOverflow);
}
