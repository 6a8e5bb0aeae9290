using System.Text;
using Spindle.Wasm.Tests.Binary;

namespace Spindle.Wasm.Tests.Compilation;

/// <summary>A generated module: binary, WAT text, its memory size and its exported functions f0, f1, ...</summary>
/// <param name="Tame">Per function: generated with small steps, constants and offsets, so that calls with tame
/// arguments mostly stay in bounds and run the fast copy.</param>
internal sealed record LoopVersioningFuzzModule(byte[] Bytes, string Wat, int Pages, bool[] Tame)
{
    public int Functions => Tame.Length;
}

/// <summary>
/// Generates functions shaped around one loop for the loop-versioning differential fuzzer: induction variables with
/// constant and runtime steps, affine addresses with memarg offsets, every exit comparison, branches, nested loops,
/// and near-misses the analyzer must reject. Every function has type (i32 base, i32 bound, i32 step, i32 misc) -> i32
/// and always terminates: a counter hidden from the analyzer (or, in some variants, visible to it) leaves the loop.
/// </summary>
internal sealed partial class LoopVersioningFuzzGenerator(Random random, bool unreachableCode)
{
    // Parameters 0-3 and locals 4-9, all i32.
    private const int Base = 0;
    private const int Bound = 1;
    private const int Step = 2;
    private const int Misc = 3;
    private const int I = 4;
    private const int J = 5;
    private const int T = 6;
    private const int Acc = 7;
    private const int C = 8;
    private const int K = 9;
    private const int O = 10;
    private const int LocalCount = 7;

    private static readonly int[] StepConstants = [1, 1, 1, 2, 4, 4, 8, 16, 3, -1, -1, -2, -4, -8, 0, 100, 4096, 65536, int.MaxValue, int.MinValue, 1 << 30];
    private static readonly int[] AddressConstants = [0, 0, 1, 2, 4, 7, 8, -1, -4, -8, 16, 100, -100, 1000, 65532, 65535, 65536, -65536, 131068, int.MaxValue, int.MinValue, -2];
    private static readonly int[] BoundConstants = [0, 1, 2, 3, 8, 10, 16, 64, 100, 1000, 16383, 16384, 65536, -1, -2, -100, int.MaxValue, int.MaxValue - 1, int.MinValue, int.MinValue + 1, 1 << 30];
    private static readonly uint[] MemOffsets = [0, 0, 0, 0, 1, 2, 4, 8, 64, 1000, 65535, 65536, 65540, 131071, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFF0, 0xFFFF_FFFF];

    private static readonly (byte Opcode, string Name, int Size, char Type)[] Loads =
    [
        (0x28, "i32.load", 4, 'i'), (0x29, "i64.load", 8, 'I'), (0x2A, "f32.load", 4, 'f'), (0x2B, "f64.load", 8, 'F'),
        (0x2C, "i32.load8_s", 1, 'i'), (0x2D, "i32.load8_u", 1, 'i'), (0x2E, "i32.load16_s", 2, 'i'), (0x2F, "i32.load16_u", 2, 'i'),
        (0x30, "i64.load8_s", 1, 'I'), (0x31, "i64.load8_u", 1, 'I'), (0x32, "i64.load16_s", 2, 'I'), (0x33, "i64.load16_u", 2, 'I'),
        (0x34, "i64.load32_s", 4, 'I'), (0x35, "i64.load32_u", 4, 'I'),
    ];

    private static readonly (byte Opcode, string Name, int Size, char Type)[] Stores =
    [
        (0x36, "i32.store", 4, 'i'), (0x37, "i64.store", 8, 'I'), (0x38, "f32.store", 4, 'f'), (0x39, "f64.store", 8, 'F'),
        (0x3A, "i32.store8", 1, 'i'), (0x3B, "i32.store16", 2, 'i'), (0x3C, "i64.store8", 1, 'I'), (0x3D, "i64.store16", 2, 'I'),
        (0x3E, "i64.store32", 4, 'I'),
    ];

    private static readonly (byte Opcode, string Name)[] Compares =
    [
        (0x46, "i32.eq"), (0x47, "i32.ne"), (0x48, "i32.lt_s"), (0x49, "i32.lt_u"), (0x4A, "i32.gt_s"), (0x4B, "i32.gt_u"),
        (0x4C, "i32.le_s"), (0x4D, "i32.le_u"), (0x4E, "i32.ge_s"), (0x4F, "i32.ge_u"),
    ];

    private static readonly uint[] TameOffsets = [0, 0, 0, 1, 4, 8, 64];

    private LoopVersioningFuzzCode _code = new();

    /// <summary>Whether the function being generated uses only small, mostly positive constants.</summary>
    private bool _tame;

    /// <summary>Tame and counting down: updates subtract their (positive) step and exits test gt/ge.</summary>
    private bool _descending;

    /// <summary>Code depth just inside the loop (its label is depth 0 there); the exit block is one further out.</summary>
    private int _loopDepth;

    /// <summary>Whether the counter's statement is already emitted: branches back to the loop are allowed after it.</summary>
    private bool _counterDone;

    /// <summary>Nesting of generated statements, to keep bodies small.</summary>
    private int _nesting;

    private int LoopLabel => _code.Depth - _loopDepth;

    private int ExitLabel => LoopLabel + 1;

    public LoopVersioningFuzzModule Module(int functions)
    {
        var pages = random.Next(10) switch { 0 => 0, < 6 => 1, _ => 2 };
        var maximum = pages + random.Next(2);
        var wat = new StringBuilder();
        wat.Append("(module\n  (type (func (param i32 i32 i32 i32) (result i32)))\n  (type (func (param i32) (result i32)))\n");
        wat.Append($"  (memory (export \"memory\") {pages} {maximum})\n");
        var bodies = new List<byte[]>();
        var tame = new bool[functions];
        for (var f = 0; f < functions; f++)
        {
            tame[f] = _tame = Chance(50);
            _descending = _tame && Chance(35);
            _code = new LoopVersioningFuzzCode();
            Function();
            bodies.Add(WasmBytes.Body(_code.Bytes, (LocalCount, WasmBytes.I32)));
            wat.Append($"  (func (export \"f{f}\") (type 0) (local i32 i32 i32 i32 i32 i32 i32)\n{_code.Text}  )\n");
        }

        wat.Append(')');
        List<byte[]> exports = [[.. WasmBytes.Name("memory"), 0x02, 0x00]];
        for (var f = 0; f < functions; f++)
        {
            exports.Add([.. WasmBytes.Name($"f{f}"), 0x00, .. WasmBytes.Leb(f)]);
        }

        var bytes = WasmBytes.Module(
            WasmBytes.Section(1, WasmBytes.Vec(
                WasmBytes.FuncType([WasmBytes.I32, WasmBytes.I32, WasmBytes.I32, WasmBytes.I32], [WasmBytes.I32]),
                WasmBytes.FuncType([WasmBytes.I32], [WasmBytes.I32]))),
            WasmBytes.Section(3, WasmBytes.Vec([.. Enumerable.Repeat(new byte[] { 0 }, functions)])),
            WasmBytes.Section(5, WasmBytes.Vec([0x01, .. WasmBytes.Leb(pages), .. WasmBytes.Leb(maximum)])),
            WasmBytes.Section(7, WasmBytes.Vec([.. exports])),
            WasmBytes.Section(10, WasmBytes.Vec([.. bodies])));
        return new LoopVersioningFuzzModule(bytes, wat.ToString(), pages, tame);
    }

    /// <summary>Arguments biased towards the memory's end, zero, and the i32 extremes.</summary>
    public object[] Arguments(int pages, bool tame)
    {
        var length = pages * 65_536;
        if (tame && Chance(50))
        {
            return [random.Next(0, 4096), random.Next(0, 200), random.Next(1, 9), random.Next(0, 50)];
        }

        if (tame && Chance(60))
        {
            // Near the end: the last iterations' accesses end just below, at, or just past it.
            return [length - random.Next(0, 300), random.Next(0, 40), random.Next(1, 9), random.Next(0, 50)];
        }

        int Near(int value) => value + random.Next(-20, 21);
        int Address() => random.Next(9) switch
        {
            0 => random.Next(0, 32),
            1 or 2 => Math.Max(0, length - random.Next(0, 2000)),
            3 => Near(length),
            4 => -random.Next(1, 64),
            5 => random.Next(0, Math.Max(1, length)),
            6 => Pick([int.MaxValue, int.MinValue, 1 << 30, 65_536, 131_072, Near(int.MaxValue), Near(int.MinValue)]),
            _ => random.Next(0, 4096),
        };
        int Count() => random.Next(8) switch
        {
            0 => random.Next(-3, 4),
            1 or 2 => random.Next(0, 200),
            3 => Pick(BoundConstants),
            4 => Near(length),
            5 => Near(length / 4),
            6 => random.Next(0, 20_000),
            _ => random.Next(0, 40),
        };
        int StepValue() => random.Next(4) == 0 ? Pick(StepConstants) : random.Next(-9, 10);
        return [Address(), Count(), StepValue(), random.Next(3) switch { 0 => Address(), 1 => Count(), _ => StepValue() }];
    }

    private uint MemOffset() => _tame ? Pick(TameOffsets) : Pick(MemOffsets);

    private int AddressConstant() => _tame ? Pick([0, 1, 4, 8, 16, 100]) : Pick(AddressConstants);

    private int StepConstant() => _tame ? Pick([1, 1, 2, 4, 8]) : Pick(StepConstants);

    private int BoundConstant() => _tame ? Pick([0, 1, 3, 16, 100, 1000]) : Pick(BoundConstants);

    private TItem Pick<TItem>(TItem[] items) => items[random.Next(items.Length)];

    private bool Chance(int percent) => random.Next(100) < percent;
}
