using System.Reflection;
using Spindle.Wasm.Compilation;
using Spindle.Wasm.Tests.Binary;

namespace Spindle.Wasm.Tests.Compilation;

public class LargeFunctionTests
{
    /// <summary>
    /// A function far beyond the JIT's optimization limits (about 20,000 IL instructions) is split into outlined
    /// regions (see RegionPlanner) and computes the same result as when compiled as one (unoptimized) method.
    /// </summary>
    [Fact]
    public void HugeFunction_IsOutlinedAndComputesCorrectly()
    {
        const int statements = 20_000;
        var body = new List<byte> { 0x01, 0x01, WasmBytes.I32 }; // one i32 local
        for (var i = 0; i < statements; i++)
        {
            // local0 = local0 * 3 + i  (wrapping)
            body.AddRange([0x20, 0x00, 0x41, 0x03, 0x6C, 0x41, .. WasmBytes.SignedLeb(i), 0x6A, 0x21, 0x00]);
        }

        body.AddRange([0x20, 0x00, 0x0B]);
        var module = ExportedFunction([0x60, 0x00, 0x01, WasmBytes.I32], [.. body]);

        var expected = 0;
        for (var i = 0; i < statements; i++)
        {
            expected = unchecked((expected * 3) + i);
        }

        foreach (var threshold in (int[])[RegionPlanner.DefaultThreshold, int.MaxValue])
        {
            var instance = Instantiate(module, threshold);
            Assert.Equal(expected, instance.Call("run"));
            Assert.Equal(threshold == int.MaxValue, RegionCount(instance) == 0);
        }
    }

    /// <summary>
    /// An interpreter-style dispatch loop (a loop around a br_table into hundreds of nested blocks, each case small,
    /// with loads and stores) is outlined case by case, and agrees with the single-method compilation.
    /// </summary>
    [Theory]
    [InlineData(RegionPlanner.DefaultBudget)]
    [InlineData(500)]
    public void DispatchLoop_IsOutlinedAndAgreesWithSingleMethod(int budget)
    {
        var module = DispatchLoop(cases: 400);
        var reference = Instantiate(module, int.MaxValue);
        var outlined = Instantiate(module, RegionPlanner.DefaultThreshold, budget);
        Assert.True(RegionCount(outlined) > 10);
        foreach (var steps in (int[])[0, 1, 7, 1000, 20_000])
        {
            Assert.Equal(reference.Call("run", steps), outlined.Call("run", steps));
        }
    }

    /// <summary>
    /// <c>(func (param $n i32) (result i64) (local $pc i32) (local $acc i64) (local $i i32))</c>: n steps of
    /// <c>br_table</c> on pc into case k, which updates acc and memory and sets pc = (pc * 7 + k) % cases.
    /// </summary>
    private static byte[] DispatchLoop(int cases)
    {
        var code = new List<byte> { 0x03, 0x01, WasmBytes.I32, 0x01, WasmBytes.I64, 0x01, WasmBytes.I32 }; // pc=1, acc=2, i=3
        code.AddRange([0x02, 0x40, 0x03, 0x40]); // block $done, loop $top

        // i = i + 1; br_if $done (i > n)
        code.AddRange([0x20, 0x03, 0x41, 0x01, 0x6A, 0x22, 0x03, 0x20, 0x00, 0x4B, 0x0D, 0x01]);
        for (var k = 0; k < cases; k++)
        {
            code.AddRange([0x02, 0x40]);
        }

        code.AddRange([0x20, 0x01, 0x0E, .. WasmBytes.Leb(cases)]);
        for (var k = 0; k < cases; k++)
        {
            code.AddRange(WasmBytes.Leb(k));
        }

        code.AddRange(WasmBytes.Leb(cases - 1));
        for (var k = 0; k < cases; k++)
        {
            code.Add(0x0B); // end of block c_k: case k follows
            for (var r = 0; r < 3; r++)
            {
                // acc = acc * 31 + k
                code.AddRange([0x20, 0x02, 0x42, 0x1F, 0x7E, 0x42, .. WasmBytes.SignedLeb(k), 0x7C, 0x21, 0x02]);
            }

            // mem[k * 8] = mem[k * 8] + acc
            var address = WasmBytes.SignedLeb(k * 8);
            code.AddRange([0x41, .. address, 0x41, .. address, 0x29, 0x03, 0x00, 0x20, 0x02, 0x7C, 0x37, 0x03, 0x00]);

            // pc = (pc * 7 + k) % cases
            code.AddRange([0x20, 0x01, 0x41, 0x07, 0x6C, 0x41, .. WasmBytes.SignedLeb(k), 0x6A, 0x41, .. WasmBytes.SignedLeb(cases), 0x70, 0x21, 0x01]);
            code.AddRange([0x0C, .. WasmBytes.Leb(cases - 1 - k)]); // br $top
        }

        code.AddRange([0x0B, 0x0B, 0x20, 0x02, 0x0B]); // end loop, end block, acc
        return ExportedFunction([0x60, 0x01, WasmBytes.I32, 0x01, WasmBytes.I64], [.. code], memory: true);
    }

    private static byte[] ExportedFunction(byte[] type, byte[] body, bool memory = false) => WasmBytes.Module(
        [
            WasmBytes.Section(1, WasmBytes.Vec(type)),
            WasmBytes.Section(3, WasmBytes.Vec([0x00])),
            .. memory ? [WasmBytes.Section(5, WasmBytes.Vec([0x00, 0x01]))] : Array.Empty<byte[]>(),
            WasmBytes.Section(7, WasmBytes.Vec(WasmBytes.Concat(WasmBytes.Name("run"), [0x00, 0x00]))),
            WasmBytes.Section(10, WasmBytes.Vec(WasmBytes.Concat(WasmBytes.Leb(body.Length), body))),
        ]);

    private static Instance Instantiate(byte[] module, int threshold, int budget = RegionPlanner.DefaultBudget)
    {
        var engine = new Engine(new EngineOptions { OutliningThreshold = threshold, RegionBudget = budget });
        return new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, module));
    }

    private static int RegionCount(Instance instance) =>
        instance.Module.Compiled.CompiledType.GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Length;

    [Fact]
    public void FunctionNeedingMoreThan65000Locals_IsRejectedWithEngineError()
    {
        // 50,000 declared locals plus 20,000 values on the operand stack: beyond IL's 16-bit local indices.
        var body = new List<byte> { 0x01 };
        body.AddRange(WasmBytes.Leb(50_000));
        body.Add(WasmBytes.I32);
        for (var i = 0; i < 20_000; i++)
        {
            body.AddRange([0x41, 0x00]);
        }

        for (var i = 0; i < 20_000; i++)
        {
            body.Add(0x1A);
        }

        body.Add(0x0B);
        var module = WasmBytes.Module(
            WasmBytes.Section(1, WasmBytes.Vec([0x60, 0x00, 0x00])),
            WasmBytes.Section(3, WasmBytes.Vec([0x00])),
            WasmBytes.Section(10, WasmBytes.Vec(WasmBytes.Concat(WasmBytes.Leb(body.Count), [.. body]))));

        var error = Assert.Throws<WasmValidationException>(() => Module.FromBytes(new Engine(), module));
        Assert.StartsWith("implementation limit", error.Reason);
    }

    [Fact]
    public void MemoryMinimumAboveEngineLimit_FailsToInstantiateWithLinkError()
    {
        var engine = new Engine(new EngineOptions { MaxMemoryPages = 0 });
        var error = Assert.Throws<WasmLinkException>(() => new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, Fixtures.Bytes("memory"))));
        Assert.Contains("MaxMemoryPages", error.Message);
    }
}
