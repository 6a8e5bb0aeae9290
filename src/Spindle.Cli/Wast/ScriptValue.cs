using System.Globalization;
using Spindle.Wasm;

namespace Spindle.Cli.Wast;

/// <summary>
/// A typed value in a script: an argument or an expected result. Numbers are the value's bits in unsigned
/// decimal (wast2json's encoding); expected floats may be <c>nan:canonical</c> or <c>nan:arithmetic</c>;
/// references are <c>null</c>, an extern number, or absent (any non-null funcref).
/// </summary>
internal sealed record ScriptValue(string Type, string? Value)
{
    public const string CanonicalNan = "nan:canonical";
    public const string ArithmeticNan = "nan:arithmetic";

    /// <summary>The boxed value the engine's <c>Function.Invoke</c> takes for this argument.</summary>
    public object? ToArgument() => Type switch
    {
        "i32" => unchecked((int)ParseBits()),
        "i64" => unchecked((long)ParseBits()),
        "f32" => BitConverter.UInt32BitsToSingle(unchecked((uint)ParseBits())),
        "f64" => BitConverter.UInt64BitsToDouble(ParseBits()),
        "externref" => Value is null or "null" ? null : new ExternRef(ParseBits()),
        "funcref" when Value is null or "null" => null,
        _ => throw new NotSupportedException($"argument of type {Type} ({Value}) is not supported by the script runner"),
    };

    /// <summary>True when <paramref name="actual"/> (a boxed engine result) is this expected value, bit for bit.</summary>
    public bool Matches(object? actual) => Type switch
    {
        "i32" => actual is int i && unchecked((uint)i) == ParseBits(),
        "i64" => actual is long l && unchecked((ulong)l) == ParseBits(),
        "f32" => actual is float f && MatchesF32(BitConverter.SingleToUInt32Bits(f)),
        "f64" => actual is double d && MatchesF64(BitConverter.DoubleToUInt64Bits(d)),
        "externref" => Value is null or "null" ? actual is null : actual is ExternRef r && r.Value == ParseBits(),
        "funcref" => Value is null or "null" ? actual is null : actual is Function,
        _ => false,
    };

    public override string ToString() => Type switch
    {
        "i32" when Value is not null => $"i32:{unchecked((int)ParseBits())} (0x{ParseBits():X8})",
        "i64" when Value is not null => $"i64:{unchecked((long)ParseBits())} (0x{ParseBits():X16})",
        "f32" when Value is not null && !Value.StartsWith("nan:", StringComparison.Ordinal) =>
            $"f32:{BitConverter.UInt32BitsToSingle(unchecked((uint)ParseBits())).ToString("R", CultureInfo.InvariantCulture)} (0x{ParseBits():X8})",
        "f64" when Value is not null && !Value.StartsWith("nan:", StringComparison.Ordinal) =>
            $"f64:{BitConverter.UInt64BitsToDouble(ParseBits()).ToString("R", CultureInfo.InvariantCulture)} (0x{ParseBits():X16})",
        "externref" => Value is null or "null" ? "ref.null extern" : $"ref.extern {Value}",
        "funcref" => Value is null or "null" ? "ref.null func" : "ref.func",
        _ => $"{Type}:{Value ?? "(any)"}",
    };

    /// <summary>Describes a boxed engine result the way expected values are written.</summary>
    public static string Describe(object? actual) => actual switch
    {
        null => "ref.null",
        int i => $"i32:{i} (0x{i:X8})",
        long l => $"i64:{l} (0x{l:X16})",
        float f => $"f32:{f.ToString("R", CultureInfo.InvariantCulture)} (0x{BitConverter.SingleToUInt32Bits(f):X8})",
        double d => $"f64:{d.ToString("R", CultureInfo.InvariantCulture)} (0x{BitConverter.DoubleToUInt64Bits(d):X16})",
        ExternRef r => r.ToString(),
        Function => "ref.func",
        _ => $"{actual.GetType().Name}:{actual}",
    };

    private bool MatchesF32(uint bits) => Value switch
    {
        CanonicalNan => (bits & 0x7FFF_FFFFu) == 0x7FC0_0000u,
        ArithmeticNan => (bits & 0x7FC0_0000u) == 0x7FC0_0000u,
        _ => bits == unchecked((uint)ParseBits()),
    };

    private bool MatchesF64(ulong bits) => Value switch
    {
        CanonicalNan => (bits & 0x7FFF_FFFF_FFFF_FFFFul) == 0x7FF8_0000_0000_0000ul,
        ArithmeticNan => (bits & 0x7FF8_0000_0000_0000ul) == 0x7FF8_0000_0000_0000ul,
        _ => bits == ParseBits(),
    };

    private ulong ParseBits() => ulong.Parse(Value ?? throw new FormatException($"{Type} value is missing"), NumberStyles.None, CultureInfo.InvariantCulture);
}
