using Spindle.Wasm.Binary;
using Spindle.Wasm.Compilation;

namespace Spindle.Wasm.Tests.Compilation;

/// <summary>
/// Loop versioning must never change behaviour: each loop of Fixtures/loops.wat runs in an engine with versioning
/// and in one without, from the same memory, and results, traps and the whole memory afterwards must be equal
/// (including the bytes a loop wrote before it trapped).
/// </summary>
public class LoopVersioningTests
{
    private const int PageSize = 65_536;

    [Fact]
    public void EveryFixtureLoop_IsVersioned()
    {
        var bytes = Fixtures.Bytes("loops");
        var module = ModuleDecoder.Decode(bytes);
        for (var f = 0; f < module.Codes.Length; f++)
        {
            var index = module.ImportedFunctionCount + f;
            var body = module.Codes[f];
            var reader = new InstructionReader(module.Bytes, body.BodyOffset, body.BodyOffset + body.BodyLength);
            var hasLoop = false;
            while (!hasLoop && reader.Read(out var ins))
            {
                hasLoop = ins.Opcode == Opcode.Loop;
            }

            var name = module.FunctionName((uint)index);
            if (hasLoop)
            {
                // uneven_step's counter moves by 1 or 3 depending on the path: no induction variable, no proof;
                // with_call calls a function, which could be a host function that disposes the store.
                Assert.True((LoopAnalyzer.Analyze(reader, LocalTypes(module, index), module) is not null) == name is not ("uneven_step" or "with_call"), $"function {name}");
            }
        }
    }

    public static TheoryData<string, object[]> Cases() => new()
    {
        { "fill_ne", [100, 50, 9] },
        { "fill_ne", [PageSize - 10, 10, 9] },
        { "fill_ne", [PageSize - 10, 11, 9] },            // one past the end: traps after 10 stores
        { "fill_ne", [PageSize + 5, 3, 9] },              // out of bounds from the start
        { "fill_ne", [-1, 2, 9] },                        // address 0xFFFFFFFF: traps at once
        { "fill_unrolled", [64, 64, 5] },
        { "fill_unrolled", [PageSize - 64, 64, 5] },
        { "fill_unrolled", [PageSize - 62, 64, 5] },      // the last iteration's first store traps
        { "fill_unrolled", [0, 6, 5] },                   // 6 is not a multiple of 4: n wraps, runs off the end
        { "sum_lt_u", [256, 400] },
        { "sum_lt_u", [PageSize - 404, 400] },
        { "sum_lt_u", [PageSize - 400, 400] },            // last load reads past the end
        { "sum_lt_u", [16, 0] },                          // end below the start: one iteration
        { "sum_lt_u", [16, -8] },                         // end near 2^32: i + 4 would wrap: plain loop
        { "sum_lt_u", [-1, 1000] },                       // operand 0xFFFFFFFF + memarg offset 4: out of bounds, not 3
        { "store_le_s", [1000, -40, 40] },
        { "store_le_s", [1000, 0, int.MaxValue - 4] },    // i + 8 overflows: runs off the end
        { "store_le_s", [PageSize - 200, 0, 200] },
        { "sum_gt_s", [1000, 300, -20] },
        { "sum_gt_s", [1000, -400, 0] },                  // from below the bound: one iteration, address wraps low
        { "sum_gt_s", [0, 100, int.MinValue] },           // descends forever: runs off the bottom of memory
        { "sum_ge_u", [500, 300, 20] },
        { "sum_ge_u", [500, 300, 0] },                    // ge_u 0 always holds: i wraps, runs off the end
        { "sum_ge_u", [PageSize - 100, 300, 0] },
        { "mark_stride", [1024, 4, 4, 20000] },
        { "mark_stride", [1024, 7, 13, PageSize - 1024] },
        { "mark_stride", [1024, 7, 13, PageSize] },       // the last marks fall past the end
        { "mark_stride", [0, 100, 0, 50] },               // step 0 (one iteration here): plain loop
        { "mark_stride", [0, 100, -3, 200] },             // negative step: wraps and runs off the end
        { "axpy2", [8192, 0, 1.5, 1600] },
        { "axpy2", [PageSize - 1600, 0, 1.5, 1600] },
        { "axpy2", [PageSize - 1592, 0, 1.5, 1600] },     // the last store is one double past the end
        { "axpy2", [8192, 0, 1.5, 1608] },
        { "axpy2", [8192, 0, 1.5, 8] },                   // 8 is not a multiple of 16: i never equals n
        { "back_sum", [64, 10] },
        { "back_sum", [4, 10] },                          // first load at address 0
        { "back_sum", [0, 10] },                          // 0 - 4 wraps to 0xFFFFFFFC: traps at once
        { "back_sum", [PageSize - 16, 10] },              // runs off the end in the 4th iteration
        { "miss_ne", [0, 10] },                           // 0, 3, 6, 9, 12, ... never 10: traps at the end of memory
        { "miss_ne", [1, 10] },                           // 1, 4, 7, 10: stops
        { "count_nonzero", [100, 1000] },
        { "count_nonzero", [PageSize - 10, 11] },         // the 11th load is past the end
        { "scan_until", [100, 1000] },
        { "scan_until", [PageSize - 100, 101] },          // the last load is at the end
        { "scan_until", [PageSize - 100, 100] },
        { "scan_until", [0, 0] },                         // i + 1 never equals 0 before wrapping: runs off the end
        { "if_else_call", [100, 1000] },
        { "if_else_call", [PageSize - 1000, 999] },       // the odd path's offset=1 load reaches the end exactly
        { "if_else_call", [PageSize - 1000, 1000] },
        { "nested_sum", [1000, 10, 100] },
        { "nested_sum", [PageSize - 1000, 10, 100] },     // row 9's inner loop runs off the end
        { "nested_sum", [PageSize - 1002, 10, 100] },
        { "nested_sum", [0, 3, 0] },                      // cols 0: one inner iteration per row, same row
        { "table_loop", [100, 1000] },
        { "table_loop", [PageSize - 5, 10] },
        { "strlen_bounded", [100] },
        { "strlen_bounded", [PageSize - 4096] },
        { "strlen_bounded", [PageSize - 4095] },          // may read one byte past the end (if no zero byte first)
        { "uneven_step", [100, 1000] },
        { "with_call", [100, 1000] },
        { "with_call", [PageSize - 10, 100] },
        { "uneven_step", [PageSize - 10, 100] },
        { "swap_pairs", [100, 800, 8] },
        { "swap_pairs", [100, 800, 12] },
        { "swap_pairs", [PageSize - 800, 800, 8] },       // the last pair ends at the end of memory
        { "swap_pairs", [PageSize - 796, 800, 8] },       // the last pair's second word is past the end
        { "swap_pairs", [-8, 800, 8] },                   // base + i wraps: the first pair traps
        { "swap_pairs", [100, 0, 8] },                    // one iteration
        { "swap_pairs", [100, 800, -8] },                 // i wraps to 0xFFFFFFF8 and exits after one iteration
        { "grow_fill", [100, 4000, 2048] },
        { "grow_fill", [PageSize - 4000, 8000, 16] },     // the grow makes the later stores past the first page valid
        { "grow_fill", [PageSize - 4000, 8000, 9000] },   // no grow before the end: traps
    };

    [Theory]
    [InlineData("fill_ne", new object[] { 100, 50, 9 })]
    [InlineData("fill_unrolled", new object[] { 64, 64, 5 })]
    [InlineData("sum_lt_u", new object[] { 256, 400 })]
    [InlineData("store_le_s", new object[] { 1000, -40, 40 })]
    [InlineData("sum_gt_s", new object[] { 1000, 300, -20 })]
    [InlineData("sum_ge_u", new object[] { 500, 300, 20 })]
    [InlineData("mark_stride", new object[] { 1024, 7, 13, 60000 })]
    [InlineData("axpy2", new object[] { 8192, 0, 1.5, 1600 })]
    [InlineData("back_sum", new object[] { 64, 10 })]
    [InlineData("miss_ne", new object[] { 1, 10 })]
    [InlineData("count_nonzero", new object[] { 100, 1000 })]
    [InlineData("scan_until", new object[] { 100, 1000 })]
    [InlineData("if_else_call", new object[] { 100, 1000 })]
    [InlineData("table_loop", new object[] { 100, 1000 })]
    [InlineData("strlen_bounded", new object[] { 100 })]
    [InlineData("swap_pairs", new object[] { 100, 800, 8 })]
    [InlineData("grow_fill", new object[] { 100, 4000, 2048 })]
    public void InBoundsLoop_RunsTheUncheckedCopy(string function, object[] args)
    {
        var before = Spindle.Wasm.Runtime.LoopCounters.FastEntries;
        Run(loopVersioning: true, function, args, countFastLoops: true);
        Assert.Equal(before + 1, Spindle.Wasm.Runtime.LoopCounters.FastEntries);
    }

    [Theory]
    [InlineData("fill_ne", new object[] { 65_526, 11, 9 })]
    [InlineData("sum_lt_u", new object[] { 16, -8 })]
    [InlineData("mark_stride", new object[] { 0, 100, 0, 50 })]
    [InlineData("axpy2", new object[] { 8192, 0, 1.5, 8 })]
    [InlineData("back_sum", new object[] { 0, 10 })]
    [InlineData("miss_ne", new object[] { 0, 10 })]
    [InlineData("swap_pairs", new object[] { PageSize - 796, 800, 8 })]
    [InlineData("swap_pairs", new object[] { -8, 800, 8 })]
    public void LoopThatMayTrapOrWrap_RunsTheCheckedCopy(string function, object[] args)
    {
        var before = Spindle.Wasm.Runtime.LoopCounters.FastEntries;
        Run(loopVersioning: true, function, args, countFastLoops: true);
        Assert.Equal(before, Spindle.Wasm.Runtime.LoopCounters.FastEntries);
    }

    [Fact]
    public void NestedLoops_BothRunTheirUncheckedCopies()
    {
        var before = Spindle.Wasm.Runtime.LoopCounters.FastEntries;
        Run(loopVersioning: true, "nested_sum", [1000, 10, 100], countFastLoops: true);

        // The outer loop once, the inner loop once per row.
        Assert.Equal(before + 11, Spindle.Wasm.Runtime.LoopCounters.FastEntries);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VersionedLoop_BehavesExactlyLikePlainLoop(string function, object[] args)
    {
        var expected = Run(loopVersioning: false, function, args);
        var actual = Run(loopVersioning: true, function, args);

        Assert.Equal(expected.Outcome, actual.Outcome);
        Assert.True(expected.Memory.AsSpan().SequenceEqual(actual.Memory), $"{function}: memory differs after the call");
    }

    /// <summary>Seeded random arguments near every boundary: 1,500 calls, each compared between the two engines.</summary>
    [Fact]
    public void RandomArguments_VersionedAndPlainAgree()
    {
        int[] pool = [0, 1, 2, 3, 4, 5, 7, 8, 13, 16, 100, 1000, 1600, PageSize - 1600, PageSize - 100, PageSize - 16, PageSize - 9,
            PageSize - 8, PageSize - 4, PageSize - 1, PageSize, PageSize + 4, -1, -2, -3, -4, -8, -40, -1000, int.MaxValue,
            int.MinValue, int.MaxValue - 4, int.MinValue + 4, 1 << 30, -(1 << 30)];
        var random = new Random(20261121);
        var plain = Instantiate(loopVersioning: false);
        var versioned = Instantiate(loopVersioning: true);
        foreach (var name in plain.Exports.Keys.Order(StringComparer.Ordinal))
        {
            if (plain.GetFunction(name) is not { } function)
            {
                continue;
            }

            for (var n = 0; n < 150; n++)
            {
                var args = new object[function.Type.Parameters.Count];
                for (var i = 0; i < args.Length; i++)
                {
                    args[i] = function.Type.Parameters[i] == ValType.F64 ? 1.5 : (object)pool[random.Next(pool.Length)];
                }

                if (name == "mark_stride" && (int)args[2] == 0)
                {
                    args[2] = 13; // a zero step inside the limit never ends, with or without versioning
                }

                if (name == "nested_sum")
                {
                    args[1] = Math.Clamp((int)args[1], -300, 300); // rows × a zero stride would rescan one row for a long time
                }

                var expected = Call(plain, name, args);
                var actual = Call(versioned, name, args);
                Assert.True(expected.Outcome == actual.Outcome, $"{name}({string.Join(", ", args)}): {expected.Outcome} vs {actual.Outcome}");
                Assert.True(expected.Memory.AsSpan().SequenceEqual(actual.Memory), $"{name}({string.Join(", ", args)}): memory differs");
            }
        }
    }

    [Fact]
    public void VersionedLoop_ComputesKnownResults()
    {
        var expected = 0;
        for (var i = 1; i <= 10; i++)
        {
            expected += Pattern(500 + i);
        }

        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Run(loopVersioning: true, "sum_ge_u", [500, 10, 1]).Outcome);
        Assert.Equal("trap MemoryOutOfBounds", Run(loopVersioning: true, "fill_ne", [PageSize - 10, 11, 9]).Outcome);
        var filled = Run(loopVersioning: true, "fill_ne", [PageSize - 10, 11, 9]).Memory;
        Assert.All(filled[(PageSize - 10)..], b => Assert.Equal(9, b));
    }

    private static (string Outcome, byte[] Memory) Run(bool loopVersioning, string function, object[] args, bool countFastLoops = false) =>
        Call(Instantiate(loopVersioning, countFastLoops), function, args);

    private static Instance Instantiate(bool loopVersioning, bool countFastLoops = false)
    {
        var engine = new Engine(new EngineOptions { LoopVersioning = loopVersioning, CountFastLoops = countFastLoops });
        return new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, Fixtures.Bytes("loops")));
    }

    /// <summary>Fills memory with a known pattern, calls the function, and returns its result or trap and the memory.</summary>
    private static (string Outcome, byte[] Memory) Call(Instance instance, string function, object[] args)
    {
        var memory = instance.GetMemory("memory")!;

        // A recognisable pattern so sums depend on every byte read.
        var span = memory.GetSpan();
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Pattern(i);
        }

        string outcome;
        try
        {
            outcome = instance.GetFunction(function)!.Invoke(args) is [var result] ? Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture)! : "done";
        }
        catch (TrapException trap)
        {
            outcome = $"trap {trap.Kind}";
        }

        return (outcome, memory.GetSpan().ToArray());
    }

    private static byte Pattern(int address) => (byte)((address * 31) ^ (address >> 8));

    private static ValType[] LocalTypes(ModuleDefinition module, int function)
    {
        var type = module.FuncTypeOf((uint)function);
        var types = new List<ValType>(type.Parameters);
        foreach (var group in module.Codes[function - module.ImportedFunctionCount].Locals)
        {
            for (var j = 0u; j < group.Count; j++)
            {
                types.Add(group.Type);
            }
        }

        return [.. types];
    }
}
