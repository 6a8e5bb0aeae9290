using System.Globalization;
using Spindle.Wasm.Runtime;
using Spindle.Wasm.Tests.Binary;
using Xunit.Abstractions;

namespace Spindle.Wasm.Tests.Compilation;

/// <summary>
/// The exit test's arithmetic at the i32 wrap points, exhaustively over a grid: every comparison, tested before or after
/// the update, with runtime steps, starts and bounds around 0, 2^31 and 2^32. The address is <c>base + i</c> with
/// <c>base = 1000 - start</c>, so the first accesses are in bounds whatever the start: the fast copy is taken whenever
/// the precheck believes the trip count, and a wrong trip count or range shows as a missing trap or a different sum.
/// </summary>
public class LoopVersioningFuzzBoundaryTests(ITestOutputHelper output)
{
    private static readonly int[] Starts = [0, 1, -1, -2, 100, int.MaxValue, int.MaxValue - 1, int.MaxValue - 5, int.MinValue, int.MinValue + 1, int.MinValue + 5, -100, 65_536];
    private static readonly int[] Bounds = [0, 1, -1, 100, 2000, int.MaxValue, int.MaxValue - 1, int.MinValue, int.MinValue + 1, -2000, 105, -95];
    private static readonly int[] Steps = [1, 2, 3, 7, -1, -2, -3, 0, int.MinValue, 1 << 30];

    public static TheoryData<int, bool> Shapes()
    {
        var data = new TheoryData<int, bool>();
        for (var compare = 0x46; compare <= 0x4F; compare++)
        {
            data.Add(compare, false);
            data.Add(compare, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ExitComparisonAtWrapPoints_VersionedAndPlainAgree(int compare, bool testBeforeUpdate)
    {
        var bytes = Module((byte)compare, testBeforeUpdate);
        var plain = LoopVersioningFuzzTests.Instantiate(bytes, loopVersioning: false);
        var versioned = LoopVersioningFuzzTests.Instantiate(bytes, loopVersioning: true);
        Fill(plain);
        Fill(versioned);
        var (calls, fast) = (0, 0);
        foreach (var start in Starts)
        {
            foreach (var bound in Bounds)
            {
                foreach (var step in Steps)
                {
                    object[] args = [start, bound, step, unchecked(1000 - start)];
                    var expected = Call(plain, args);
                    var before = LoopCounters.FastEntries;
                    var actual = Call(versioned, args);
                    fast += LoopCounters.FastEntries > before ? 1 : 0;
                    calls++;
                    Assert.True(expected == actual, $"0x{compare:X2} before={testBeforeUpdate} f({string.Join(", ", args)}): plain {expected}, versioned {actual}");
                }
            }
        }

        output.WriteLine($"{calls} calls, {fast} entered the fast copy");
    }

    private static void Fill(Instance instance)
    {
        var span = instance.GetMemory("memory")!.GetSpan();
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (byte)((i * 31) ^ (i >> 8));
        }
    }

    private static string Call(Instance instance, object[] args)
    {
        try
        {
            return Convert.ToString(instance.GetFunction("f")!.Invoke(args)[0], CultureInfo.InvariantCulture)!;
        }
        catch (TrapException trap)
        {
            return $"trap {trap.Kind}";
        }
    }

    /// <summary>
    /// f(start, bound, step, base): i = start; loop { c++ (exit after 3000, hidden); acc = acc*31 + mem[base + i];
    /// [test] i += step; [test] } where the test is <c>br_if 0 (i OP bound)</c>; returns acc + c.
    /// </summary>
    private static byte[] Module(byte compare, bool testBeforeUpdate)
    {
        const int start = 0, bound = 1, step = 2, @base = 3, i = 4, acc = 5, counter = 6;
        var c = new LoopVersioningFuzzCode();
        c.LocalGet(start);
        c.LocalSet(i);
        c.Block();
        c.Loop();
        c.LocalGet(counter);
        c.I32Const(1);
        c.Op(0x6A, "i32.add");
        c.LocalTee(counter);
        c.I32Const(-1);
        c.Op(0x71, "i32.and");
        c.I32Const(3000);
        c.Op(0x4F, "i32.ge_u");
        c.BrIf(1);
        c.LocalGet(acc);
        c.I32Const(31);
        c.Op(0x6C, "i32.mul");
        c.LocalGet(@base);
        c.LocalGet(i);
        c.Op(0x6A, "i32.add");
        c.Memory(0x2D, "i32.load8_u", 0);
        c.Op(0x6A, "i32.add");
        c.LocalSet(acc);

        // Tested before the update: the condition reads v(i); after: v(i) + step.
        c.LocalGet(i);
        c.LocalGet(step);
        c.Op(0x6A, "i32.add");
        if (testBeforeUpdate)
        {
            c.LocalGet(i);
            c.LocalGet(bound);
            c.Op(compare, "compare");
            c.LocalSet(counter + 1);
            c.LocalSet(i);
            c.LocalGet(counter + 1);
        }
        else
        {
            c.LocalTee(i);
            c.LocalGet(bound);
            c.Op(compare, "compare");
        }

        c.BrIf(0);
        c.End();
        c.End();
        c.LocalGet(acc);
        c.LocalGet(counter);
        c.Op(0x6A, "i32.add");
        c.FunctionEnd();
        return WasmBytes.Module(
            WasmBytes.Section(1, WasmBytes.Vec(WasmBytes.FuncType([WasmBytes.I32, WasmBytes.I32, WasmBytes.I32, WasmBytes.I32], [WasmBytes.I32]))),
            WasmBytes.Section(3, WasmBytes.Vec([0])),
            WasmBytes.Section(5, WasmBytes.Vec([0x00, 0x01])),
            WasmBytes.Section(7, WasmBytes.Vec([.. WasmBytes.Name("memory"), 0x02, 0x00], [.. WasmBytes.Name("f"), 0x00, 0x00])),
            WasmBytes.Section(10, WasmBytes.Vec(WasmBytes.Body(c.Bytes, (4, WasmBytes.I32)))));
    }
}
