using System.Numerics;
using System.Runtime.CompilerServices;

namespace Spindle.Wasm.Runtime;

/// <summary>
/// Wasm numeric semantics that IL opcodes do not give directly. Compiled code calls these; they are small and
/// marked for inlining so the JIT folds them into the caller.
/// </summary>
internal static partial class Numerics
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32DivS(int a, int b)
    {
        if (b == 0)
        {
            Trap.Throw(TrapKind.IntegerDivideByZero);
        }

        if (b == -1 && a == int.MinValue)
        {
            Trap.Throw(TrapKind.IntegerOverflow);
        }

        return a / b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32DivU(int a, int b)
    {
        if (b == 0)
        {
            Trap.Throw(TrapKind.IntegerDivideByZero);
        }

        return (int)((uint)a / (uint)b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32RemS(int a, int b)
    {
        if (b == 0)
        {
            Trap.Throw(TrapKind.IntegerDivideByZero);
        }

        // INT_MIN % -1 faults on x86; the Wasm result is 0.
        return b == -1 ? 0 : a % b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32RemU(int a, int b)
    {
        if (b == 0)
        {
            Trap.Throw(TrapKind.IntegerDivideByZero);
        }

        return (int)((uint)a % (uint)b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64DivS(long a, long b)
    {
        if (b == 0)
        {
            Trap.Throw(TrapKind.IntegerDivideByZero);
        }

        if (b == -1 && a == long.MinValue)
        {
            Trap.Throw(TrapKind.IntegerOverflow);
        }

        return a / b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64DivU(long a, long b)
    {
        if (b == 0)
        {
            Trap.Throw(TrapKind.IntegerDivideByZero);
        }

        return (long)((ulong)a / (ulong)b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64RemS(long a, long b)
    {
        if (b == 0)
        {
            Trap.Throw(TrapKind.IntegerDivideByZero);
        }

        return b == -1 ? 0 : a % b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64RemU(long a, long b)
    {
        if (b == 0)
        {
            Trap.Throw(TrapKind.IntegerDivideByZero);
        }

        return (long)((ulong)a % (ulong)b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Clz(int a) => BitOperations.LeadingZeroCount((uint)a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Ctz(int a) => a == 0 ? 32 : BitOperations.TrailingZeroCount((uint)a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Popcnt(int a) => BitOperations.PopCount((uint)a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Rotl(int a, int b) => (int)BitOperations.RotateLeft((uint)a, b & 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Rotr(int a, int b) => (int)BitOperations.RotateRight((uint)a, b & 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Clz(long a) => BitOperations.LeadingZeroCount((ulong)a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Ctz(long a) => a == 0 ? 64 : BitOperations.TrailingZeroCount((ulong)a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Popcnt(long a) => BitOperations.PopCount((ulong)a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Rotl(long a, long b) => (long)BitOperations.RotateLeft((ulong)a, (int)(b & 63));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Rotr(long a, long b) => (long)BitOperations.RotateRight((ulong)a, (int)(b & 63));
}
